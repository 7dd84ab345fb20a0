#ifndef COREBALANCE_SERVICES_INTAKE_USE_CASES_UPDATE_PATIENT_H_
#define COREBALANCE_SERVICES_INTAKE_USE_CASES_UPDATE_PATIENT_H_

// UpdatePatient, ArchivePatient and RestorePatient: the same steps with
// another edit. In one transaction: lock the patient, check the etag's
// revision, edit, and write the patient with its revision and update time
// bumped and a domain event. An edit that leaves the patient as it was
// writes nothing but the call's audit event, so a retry is harmless.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "services/common/caller.h"
#include "services/intake/patient_fields.h"
#include "services/intake/records.h"
#include "services/intake/repositories/patient_repository.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"

namespace corebalance::intake {

struct UpdatePatientInput {
  std::string patient_id;
  // The revision the request's etag names; nullopt: no optimistic check.
  std::optional<int64_t> revision;
  // UpdatePatient: these fields of `values` replace the patient's
  // ("patient.updated").
  PatientFields fields;
  PatientRecord values;
  // ArchivePatient, RestorePatient: the state the patient ends in
  // ("patient.archived", "patient.restored").
  std::optional<v1::Patient::State> state;
};

class UpdatePatient {
 public:
  UpdatePatient(outbox::Transactions* tx, PatientRepository* patients)
      : tx_(tx), patients_(patients) {}

  // The patient as it is now. NOT_FOUND when the clinic has no such
  // patient; ABORTED when `revision` is not the patient's.
  absl::StatusOr<PatientRecord> Run(const Caller& caller,
                                    const UpdatePatientInput& input,
                                    outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  PatientRepository* patients_;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_USE_CASES_UPDATE_PATIENT_H_
