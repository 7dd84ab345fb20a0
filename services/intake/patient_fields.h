#ifndef COREBALANCE_SERVICES_INTAKE_PATIENT_FIELDS_H_
#define COREBALANCE_SERVICES_INTAKE_PATIENT_FIELDS_H_

// The fields of a patient a client sets: validation (every problem at once,
// named "patient.<field>") and AIP-134 update masks.

#include <optional>
#include <set>
#include <string>

#include "absl/time/civil_time.h"
#include "corebalance/v1/intake.pb.h"
#include "google/protobuf/field_mask.pb.h"
#include "services/common/field_violation.h"
#include "services/intake/records.h"

namespace corebalance::intake {

enum class PatientField {
  kGivenName,
  kFamilyName,
  kBirthDate,
  kSex,
  kPhone,
  kEmail,
  kAssignedPractitioner,
};

using PatientFields = std::set<PatientField>;

// Every field a client may set.
PatientFields AllPatientFields();

// The client's values of `fields`, checked: names required (any Unicode, at
// most 200 characters), birth date a real date not after `today`, a known
// sex, phone of digits, spaces and + - ( ) . only, an email address, the
// practitioner as "staffMembers/{id}" (its existence is checked elsewhere).
// Appends a violation per problem.
PatientRecord ReadPatientFields(const v1::Patient& patient,
                                const PatientFields& fields,
                                absl::CivilDay today, FieldViolations& out);

// The fields named by `mask`: "*" or a list of updatable field names.
// Violations on "update_mask" when empty or naming anything else.
PatientFields ParseUpdateMask(const google::protobuf::FieldMask& mask,
                              FieldViolations& out);

// Copies `fields` of `from` into `to`.
void CopyPatientFields(const PatientRecord& from, const PatientFields& fields,
                       PatientRecord& to);

// The id of "staffMembers/{id}", or empty (with a violation on `field`) when
// `name` is not empty and malformed.
std::string StaffIdFromName(const std::string& name, const std::string& field,
                            FieldViolations& out);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_PATIENT_FIELDS_H_
