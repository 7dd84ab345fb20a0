#include "services/intake/use_cases/create_patient.h"

#include <string>

#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/intake/convert.h"
#include "services/intake/names.h"

namespace corebalance::intake {

absl::StatusOr<PatientRecord> CreatePatient::Run(
    const Caller& caller, const CreatePatientInput& input,
    outbox::ChangeEvents& events) {
  PatientRecord patient = input.patient;
  patient.id = NewResourceId();
  patient.clinic_id = caller.clinic_id;
  patient.state = v1::Patient::STATE_ACTIVE;
  patient.revision = 1;
  patient.create_time = patient.update_time = NowMicros();
  const std::string name = PatientName(patient.id);
  events.audit.set_resource(name);
  events.audit.set_patient(name);
  return tx_->CreateOnce<PatientRecord>(
      caller.deadline, events, patients_->request_ids(), input.request_key,
      [&](store::Connection& c) -> absl::StatusOr<PatientRecord> {
        patients_->Insert(c, patient);
        events.Add("patient.created", name, name, patient.revision,
                   ToProto(patient));
        return patient;
      },
      [](const PatientRecord& p) { return PatientName(p.id); },
      [&](store::Connection& c, const std::string& earlier) {
        return patients_->Load(c, caller.clinic_id, earlier);
      });
}

}  // namespace corebalance::intake
