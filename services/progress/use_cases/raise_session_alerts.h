#ifndef COREBALANCE_SERVICES_PROGRESS_USE_CASES_RAISE_SESSION_ALERTS_H_
#define COREBALANCE_SERVICES_PROGRESS_USE_CASES_RAISE_SESSION_ALERTS_H_

// The alerts a patient's logged sessions call for (PAIN_FLARE, WORSENING),
// raised after a session was logged or updated. The adherence alerts are
// the scanner's, not a session's.

#include <string>

#include "absl/status/status.h"
#include "services/common/caller.h"
#include "services/progress/alert_feed.h"
#include "services/progress/policy.h"
#include "services/progress/repositories/session_repository.h"
#include "services/progress/source_reads.h"
#include "services/progress/use_cases/raise_alerts.h"

namespace corebalance::progress {

class RaiseSessionAlerts {
 public:
  RaiseSessionAlerts(SessionRepository* sessions, SourceReads* sources,
                     RaiseAlerts* raise, AlertFeed* feed, AlertPolicy rules)
      : sessions_(sessions),
        sources_(sources),
        raise_(raise),
        feed_(feed),
        rules_(rules) {}

  // Raises what the patient's recent sessions and INITIAL assessment call
  // for, once per cause.
  absl::Status Run(const Caller& caller, const std::string& patient_id);

  // Run, once the session committed: the call that stored it succeeds
  // whatever happens here, so a failure is logged, never answered. Raising
  // is idempotent: the patient's next session (or a retry) raises what this
  // one could not.
  void AfterCommit(const Caller& caller, const std::string& patient_id);

 private:
  SessionRepository* sessions_;
  SourceReads* sources_;
  RaiseAlerts* raise_;
  AlertFeed* feed_;
  const AlertPolicy rules_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_USE_CASES_RAISE_SESSION_ALERTS_H_
