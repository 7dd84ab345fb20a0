#include "services/progress/use_cases/raise_session_alerts.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/internal_detail.h"
#include "services/common/logging.h"
#include "services/common/status_macros.h"
#include "services/progress/alert_rows.h"
#include "services/progress/rules/alerts.h"
#include "services/progress/rules/days.h"
#include "services/progress/session_proto.h"

namespace corebalance::progress {
absl::Status RaiseSessionAlerts::Run(const Caller& caller,
                                     const std::string& patient_id) {
  const absl::Time now = absl::Now();
  const int lookback =
      std::max(rules_.pain_flare_lookback_days, rules_.worsening.recent_days);
  SessionQuery query;
  query.clinic_id = caller.clinic_id;
  query.patient_id = patient_id;
  query.start_time = StartOfUtcDay(LastDays(now, lookback).first);
  query.limit = kMaxSessionsRead;
  CB_ASSIGN_OR_RETURN(std::vector<StoredSession> sessions,
                      sessions_->List(query, caller.deadline));
  AlertInput input;
  // A session up to the clock skew ahead of this server still counts.
  input.now = now;
  for (const auto& s : sessions)
    input.now = std::max(input.now, s.performed_at);
  for (const auto& s : sessions) input.sessions.push_back(ToSessionRecord(s));
  // The copy as it is: the session committed already, and the patient's
  // next one raises what a copy behind by a moment missed.
  CB_ASSIGN_OR_RETURN(
      std::vector<v1::Assessment> assessments,
      sources_->Assessments(caller, patient_id, v1::Assessment::KIND_INITIAL,
                            absl::ZeroDuration()));
  // Newest first: the patient's first INITIAL assessment is the last.
  for (auto it = assessments.rbegin(); it != assessments.rend(); ++it) {
    if (it->kind() == v1::Assessment::KIND_INITIAL) {
      input.initial_nprs_now = it->nprs_now();
      break;
    }
  }
  std::vector<StoredAlert> raised;
  for (const Alert& alert : EvaluateAlerts(input, rules_)) {
    if (alert.kind != AlertKind::kPainFlare &&
        alert.kind != AlertKind::kWorsening) {
      continue;
    }
    raised.push_back(NewAlertRow(alert, caller.clinic_id, patient_id));
  }
  CB_ASSIGN_OR_RETURN(int fresh, raise_->Run(raised, caller.deadline));
  if (fresh > 0) feed_->Nudge();
  return absl::OkStatus();
}

void RaiseSessionAlerts::AfterCommit(const Caller& caller,
                                     const std::string& patient_id) {
  absl::Status raised = Run(caller, patient_id);
  if (!raised.ok()) {
    log::Warn("session_alerts_not_raised",
              {{"patient", PatientName(patient_id)},
               {"request_id", caller.request_id},
               {"error", MessageAndDetail(raised)}});
  }
}

}  // namespace corebalance::progress
