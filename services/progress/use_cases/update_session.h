#ifndef COREBALANCE_SERVICES_PROGRESS_USE_CASES_UPDATE_SESSION_H_
#define COREBALANCE_SERVICES_PROGRESS_USE_CASES_UPDATE_SESSION_H_

// UpdateSession: what is known only later about a logged session (the pain
// 24 hours after, notes). The light is classified again, since the 24 h
// pain may change it, and the alerts it calls for are raised.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/progress/policy.h"
#include "services/progress/repositories/session_repository.h"
#include "services/progress/use_cases/raise_session_alerts.h"

namespace corebalance::progress {

struct UpdateSessionInput {
  std::string patient_id;
  std::string session_id;
  // The revision the caller read; nullopt: no optimistic check.
  std::optional<int> etag;
  // What changes: nullopt keeps the stored value.
  std::optional<std::optional<int>> pain_after_24h;
  std::optional<std::string> notes;
};

class UpdateSession {
 public:
  UpdateSession(outbox::Transactions* tx, SessionRepository* sessions,
                RaiseSessionAlerts* alerts, TrafficLightPolicy rules)
      : tx_(tx), sessions_(sessions), alerts_(alerts), rules_(rules) {}

  // The session at its new revision. NOT_FOUND, or ABORTED when `etag` is
  // not the stored revision.
  absl::StatusOr<StoredSession> Run(const Caller& caller,
                                    const UpdateSessionInput& input,
                                    outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  SessionRepository* sessions_;
  RaiseSessionAlerts* alerts_;
  const TrafficLightPolicy rules_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_USE_CASES_UPDATE_SESSION_H_
