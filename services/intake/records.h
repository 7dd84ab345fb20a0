#ifndef COREBALANCE_SERVICES_INTAKE_RECORDS_H_
#define COREBALANCE_SERVICES_INTAKE_RECORDS_H_

// IntakeService's rows as plain structs, between the SQL and the protos.

#include <cstdint>
#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "corebalance/v1/intake.pb.h"

namespace corebalance::intake {

struct PatientRecord {
  std::string id;
  int64_t clinic_id = 0;
  std::string given_name;
  std::string family_name;
  std::optional<absl::CivilDay> birth_date;
  v1::Patient::Sex sex = v1::Patient::SEX_UNSPECIFIED;
  std::string phone;  // empty: not given
  std::string email;  // empty: not given
  // The staff member's id (not the resource name); empty: none.
  std::string assigned_practitioner_id;
  v1::Patient::State state = v1::Patient::STATE_ACTIVE;
  // Bumped by every change; rendered as the etag.
  int64_t revision = 1;
  absl::Time create_time;
  absl::Time update_time;
};

// ListPatients' filters, already validated.
struct PatientFilter {
  std::string name_contains;
  v1::Patient::State state = v1::Patient::STATE_ACTIVE;
  std::string assigned_practitioner_id;  // empty: any
};

// Keyset position in the patient order (family name, given name, id).
struct PatientCursor {
  std::string family_name;
  std::string given_name;
  std::string id;
};

struct AssessmentRecord {
  std::string id;
  int64_t clinic_id = 0;
  std::string patient_id;
  v1::Assessment::Kind kind = v1::Assessment::KIND_UNSPECIFIED;
  absl::CivilDay assessment_date;
  std::string supersedes_id;  // empty: corrects nothing
  int nprs_now = 0;
  std::optional<double> odi_percent;  // exact; nullopt: not scorable
  v1::AssessmentResult::Disposition disposition =
      v1::AssessmentResult::DISPOSITION_UNSPECIFIED;
  std::string submitted_by;
  absl::Time create_time;
  // The whole resource as returned by SubmitAssessment.
  v1::Assessment body;
};

// Keyset position in the assessment order (newest first: assessment date,
// then submission time, then id, all descending).
struct AssessmentCursor {
  absl::CivilDay assessment_date;
  absl::Time create_time;
  std::string id;
};

// The INITIAL assessment a FOLLOW_UP is compared with.
struct Baseline {
  std::string assessment_id;
  int nprs_now = 0;
  std::optional<double> odi_percent;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RECORDS_H_
