#ifndef COREBALANCE_SERVICES_PROGRESS_USE_CASES_LOG_SESSION_H_
#define COREBALANCE_SERVICES_PROGRESS_USE_CASES_LOG_SESSION_H_

// LogSession: a session the patient performed, checked against the plan
// they followed (the named one, else their ACTIVE plan) at its current
// revision (from progress's copy, source_reads.h), classified (traffic light)
// and stored with its events, the plan's next adherence check moved sooner
// if the session calls for it; then the alerts it calls for are raised.

#include <string>

#include "absl/status/statusor.h"
#include "corebalance/v1/progress.pb.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/progress/policy.h"
#include "services/progress/repositories/adherence_due_repository.h"
#include "services/progress/repositories/session_repository.h"
#include "services/progress/rules/alerts.h"
#include "services/progress/source_reads.h"
#include "services/progress/use_cases/raise_session_alerts.h"
#include "services/store/request_ids.h"

namespace corebalance::progress {

struct LogSessionInput {
  std::string patient_id;
  // Empty: the patient's ACTIVE plan.
  std::string plan_id;
  // As the request gives it, its own fields checked already.
  const v1::Session* session = nullptr;
  store::RequestKey request_key;
};

class LogSession {
 public:
  LogSession(outbox::Transactions* tx, SessionRepository* sessions,
             AdherenceDueRepository* due, SourceReads* sources,
             RaiseSessionAlerts* alerts, TrafficLightPolicy rules,
             AlertPolicy alert_rules)
      : tx_(tx),
        sessions_(sessions),
        due_(due),
        sources_(sources),
        alerts_(alerts),
        rules_(rules),
        alert_rules_(alert_rules) {}

  // The session stored. A retry with the same request id gets the first
  // call's session and commits nothing. FAILED_PRECONDITION without an
  // ACTIVE plan; INVALID_ARGUMENT when the session does not fit the plan.
  absl::StatusOr<StoredSession> Run(const Caller& caller,
                                    const LogSessionInput& input,
                                    outbox::ChangeEvents& events);

 private:
  // The plan the session followed, at its latest revision written before
  // `since` (read-your-writes).
  // Refused when the session does not fit it (INVALID_ARGUMENT): a copy
  // that could not be confirmed current is checked with prescription first.
  absl::StatusOr<v1::Plan> FollowedPlan(const Caller& caller,
                                        const LogSessionInput& input,
                                        absl::Time since);

  outbox::Transactions* tx_;
  SessionRepository* sessions_;
  AdherenceDueRepository* due_;
  SourceReads* sources_;
  RaiseSessionAlerts* alerts_;
  const TrafficLightPolicy rules_;
  const AlertPolicy alert_rules_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_USE_CASES_LOG_SESSION_H_
