#include "services/intake/use_cases/update_patient.h"

#include <algorithm>

#include "services/common/errors.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/intake/convert.h"
#include "services/intake/names.h"

namespace corebalance::intake {
namespace {

// Everything a client can change; revision and times follow from a change.
bool SameContent(const PatientRecord& a, const PatientRecord& b) {
  return a.given_name == b.given_name && a.family_name == b.family_name &&
         a.birth_date == b.birth_date && a.sex == b.sex && a.phone == b.phone &&
         a.email == b.email &&
         a.assigned_practitioner_id == b.assigned_practitioner_id &&
         a.state == b.state;
}

const char* EventType(const UpdatePatientInput& input) {
  if (!input.state) return "patient.updated";
  return *input.state == v1::Patient::STATE_ARCHIVED ? "patient.archived"
                                                     : "patient.restored";
}

}  // namespace

absl::StatusOr<PatientRecord> UpdatePatient::Run(
    const Caller& caller, const UpdatePatientInput& input,
    outbox::ChangeEvents& events) {
  const std::string name = PatientName(input.patient_id);
  return tx_->Commit(
      caller.deadline, events,
      [&](store::Connection& c) -> absl::StatusOr<PatientRecord> {
        CB_ASSIGN_OR_RETURN(
            const PatientRecord current,
            patients_->Lock(c, caller.clinic_id, input.patient_id));
        if (input.revision && *input.revision != current.revision) {
          return EtagMismatchError(name);
        }
        PatientRecord next = current;
        CopyPatientFields(input.values, input.fields, next);
        if (input.state) next.state = *input.state;
        if (SameContent(next, current)) {
          events.replay = true;
          return current;
        }
        next.revision = current.revision + 1;
        next.update_time = std::max(NowMicros(), current.update_time);
        patients_->Write(c, next);
        events.Add(EventType(input), name, name, next.revision, ToProto(next));
        return next;
      });
}

}  // namespace corebalance::intake
