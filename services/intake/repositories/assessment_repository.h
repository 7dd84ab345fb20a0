#ifndef COREBALANCE_SERVICES_INTAKE_REPOSITORIES_ASSESSMENT_REPOSITORY_H_
#define COREBALANCE_SERVICES_INTAKE_REPOSITORIES_ASSESSMENT_REPOSITORY_H_

// SQL for assessments. Rows are written once and never changed; every query
// is filtered by the caller's clinic_id.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/intake/records.h"
#include "services/store/connection.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"

namespace corebalance::intake {

class AssessmentRepository {
 public:
  explicit AssessmentRepository(store::Pool* pool) : pool_(pool) {}

  // Writes, on the caller's transaction `c`:

  // intake_request_ids (AIP-155).
  const store::RequestIds& request_ids() const;
  // The assessment "patients/{p}/assessments/{a}"; NOT_FOUND when the
  // clinic has none such.
  absl::StatusOr<AssessmentRecord> Load(store::Connection& c, int64_t clinic_id,
                                        const std::string& name) const;
  // The kind of the patient's assessment `id`, or nullopt when the patient
  // has none such.
  std::optional<v1::Assessment::Kind> KindOf(store::Connection& c,
                                             int64_t clinic_id,
                                             const std::string& patient_id,
                                             const std::string& id) const;
  // The id of the assessment that corrects assessment `id`, if any.
  std::optional<std::string> CorrectedBy(store::Connection& c,
                                         const std::string& id) const;
  // The patient's latest INITIAL assessment dated on or before `date` that
  // no other assessment corrects.
  std::optional<Baseline> FindBaseline(store::Connection& c, int64_t clinic_id,
                                       const std::string& patient_id,
                                       absl::CivilDay date) const;
  // INTERNAL when the body does not print as JSON.
  absl::Status Insert(store::Connection& c,
                      const AssessmentRecord& assessment) const;

  // Reads, each on a connection of its own:

  // NOT_FOUND unless the clinic's patient has this assessment.
  absl::StatusOr<AssessmentRecord> Get(int64_t clinic_id,
                                       const std::string& patient_id,
                                       const std::string& id,
                                       absl::Time deadline);

  // Up to `limit` assessments of the patient after `cursor`, newest first;
  // KIND_UNSPECIFIED lists every kind. NOT_FOUND when the clinic has no such
  // patient.
  absl::StatusOr<std::vector<AssessmentRecord>> List(
      int64_t clinic_id, const std::string& patient_id,
      v1::Assessment::Kind kind, const std::optional<AssessmentCursor>& cursor,
      int limit, absl::Time deadline);
  // Up to `limit` assessments of the clinic with id > `after_id`, in id
  // order: the snapshot other services copy from.
  absl::StatusOr<std::vector<AssessmentRecord>> ListClinic(
      int64_t clinic_id, const std::string& after_id, int limit,
      absl::Time deadline);

 private:
  store::Pool* pool_;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_REPOSITORIES_ASSESSMENT_REPOSITORY_H_
