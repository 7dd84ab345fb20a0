#ifndef COREBALANCE_SERVICES_INTAKE_USE_CASES_CREATE_PATIENT_H_
#define COREBALANCE_SERVICES_INTAKE_USE_CASES_CREATE_PATIENT_H_

// CreatePatient: a new active patient at revision 1, committed with its
// "patient.created" event.

#include "absl/status/statusor.h"
#include "services/common/caller.h"
#include "services/intake/records.h"
#include "services/intake/repositories/patient_repository.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/store/request_ids.h"

namespace corebalance::intake {

struct CreatePatientInput {
  // The client's fields, checked (ReadPatientFields); the server sets the
  // rest.
  PatientRecord patient;
  store::RequestKey request_key;
};

class CreatePatient {
 public:
  CreatePatient(outbox::Transactions* tx, PatientRepository* patients)
      : tx_(tx), patients_(patients) {}

  // The patient created. With a request id, a retry (even a concurrent one)
  // gets the first call's patient and inserts nothing.
  absl::StatusOr<PatientRecord> Run(const Caller& caller,
                                    const CreatePatientInput& input,
                                    outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  PatientRepository* patients_;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_USE_CASES_CREATE_PATIENT_H_
