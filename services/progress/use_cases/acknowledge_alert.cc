#include "services/progress/use_cases/acknowledge_alert.h"

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/progress/alert_rows.h"

namespace corebalance::progress {

absl::StatusOr<StoredAlert> AcknowledgeAlert::Run(
    const Caller& caller, const std::string& patient_id,
    const std::string& alert_id, const std::string& note,
    outbox::ChangeEvents& events) {
  const std::string name =
      absl::StrCat("patients/", patient_id, "/alerts/", alert_id);
  CB_ASSIGN_OR_RETURN(auto found, alerts_->Get(caller.clinic_id, patient_id,
                                               alert_id, caller.deadline));
  if (!found) return NotFoundError(name);
  const absl::Time at = NowMicros();
  absl::StatusOr<StoredAlert> acknowledged = tx_->Commit(
      caller.deadline, events,
      [&](store::Connection& c) -> absl::StatusOr<StoredAlert> {
        std::optional<StoredAlert> alert = alerts_->MarkAcknowledged(
            c, caller.clinic_id, alert_id, caller.actor, note, at);
        // Not OPEN: nothing to commit.
        if (!alert) return absl::AbortedError("not open");
        const v1::Alert proto = ToProto(*alert);
        events.Add("alert.acknowledged", proto.name(),
                   absl::StrCat("patients/", alert->patient_id), 0, proto);
        return *alert;
      });
  if (absl::IsAborted(acknowledged.status())) {
    return FailedPreconditionError("ALERT_ALREADY_ACKNOWLEDGED", "ALERT", name,
                                   "the alert was acknowledged already");
  }
  return acknowledged;
}

}  // namespace corebalance::progress
