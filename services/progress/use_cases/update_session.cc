#include "services/progress/use_cases/update_session.h"

#include "services/common/errors.h"
#include "services/common/retry_when_stale.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/progress/session_proto.h"

namespace corebalance::progress {

absl::StatusOr<StoredSession> UpdateSession::Run(
    const Caller& caller, const UpdateSessionInput& input,
    outbox::ChangeEvents& events) {
  const std::string name = SessionName(input.patient_id, input.session_id);
  StoredSession session;
  CB_RETURN_IF_ERROR(
      RetryWhenStale(input.etag.has_value(), [&]() -> absl::Status {
        CB_ASSIGN_OR_RETURN(auto found,
                            sessions_->Get(caller.clinic_id, input.patient_id,
                                           input.session_id, caller.deadline));
        if (!found) return NotFoundError(name);
        session = *std::move(found);
        if (input.etag && session.revision != *input.etag) {
          return EtagMismatchError(name);
        }
        if (input.pain_after_24h)
          session.pain_after_24h = *input.pain_after_24h;
        if (input.notes) session.notes = *input.notes;
        CB_ASSIGN_OR_RETURN(SessionClassification classification,
                            Classify(session, rules_));
        session.traffic_light = ToProtoLight(classification.light);
        session.revision += 1;
        session.update_time = NowMicros();
        const v1::Session updated = ToProto(session, classification);
        return tx_->Commit(caller.deadline, events,
                           [&](store::Connection& c) -> absl::Status {
                             // Someone else's revision: roll back, read again.
                             if (!sessions_->UpdateLater(c, session)) {
                               return EtagMismatchError(name);
                             }
                             events.Add("session.updated", updated.name(),
                                        PatientName(input.patient_id),
                                        session.revision, updated);
                             return absl::OkStatus();
                           });
      }));
  alerts_->AfterCommit(caller, input.patient_id);
  return session;
}

}  // namespace corebalance::progress
