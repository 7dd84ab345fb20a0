#ifndef COREBALANCE_SERVICES_PROGRESS_RULES_ALERTS_H_
#define COREBALANCE_SERVICES_PROGRESS_RULES_ALERTS_H_

// The practitioner alerts a patient's current state raises. Evaluating the
// same state again yields the same alerts with the same cause keys, so the
// store can insert them idempotently (unique per patient, kind, cause key)
// and a new cause (another session, another gap, another week) is a new row.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "services/progress/rules/adherence.h"
#include "services/progress/rules/session_record.h"
#include "services/progress/rules/trend.h"

namespace corebalance::progress {

enum class AlertKind { kPainFlare, kWorsening, kNonAdherence, kLowAdherence };

// "PAIN_FLARE", "WORSENING", "NON_ADHERENCE", "LOW_ADHERENCE".
std::string_view AlertKindName(AlertKind kind);

struct Alert {
  AlertKind kind = AlertKind::kPainFlare;
  // Short ASCII, at most 40 characters plus the ids it embeds:
  //   PAIN_FLARE     "session:<session id>"
  //   WORSENING      "week:<Monday, YYYY-MM-DD>" of the week it is seen in
  //   NON_ADHERENCE  "plan:<plan id>:after-session:<last session id>", or
  //                  "plan:<plan id>:no-session-since:<YYYY-MM-DD>" (the
  //                  day the plan first became ACTIVE) before any session
  //   LOW_ADHERENCE  "plan:<plan id>:weeks:<YYYY-MM-DD>..<YYYY-MM-DD>"
  std::string cause_key = {};
  // For the practitioner.
  std::string message = {};
};

// Clinic defaults.
struct AlertPolicy {
  // RED sessions older than this raise no new PAIN_FLARE.
  int pain_flare_lookback_days = 7;
  // Average pain before exercise over the last 7 days >= initial + 2.
  TrendPolicy worsening = {};
  // ACTIVE time without a session before NON_ADHERENCE.
  int non_adherence_after_days = 4;
  // LOW_ADHERENCE below this over the last `low_adherence_weeks` complete
  // calendar weeks, if the plan was ACTIVE on at least
  // `low_adherence_min_active_days` of them (too few days say too little).
  int low_adherence_below_percent = 80;
  int low_adherence_weeks = 2;
  int low_adherence_min_active_days = 7;
};

struct AlertInput {
  // The patient's current plan and when it was ACTIVE; plan_id empty when
  // the patient has no plan (no adherence alerts then).
  std::string plan_id = {};
  std::vector<ActivePeriod> active_periods = {};
  // The patient's sessions, any order; those after `now` are ignored.
  std::vector<SessionRecord> sessions = {};
  // The INITIAL assessment's NPRS now.
  std::optional<int> initial_nprs_now = {};
  absl::Time now = {};
};

// In kind order, PAIN_FLARE oldest session first:
//  - PAIN_FLARE for each RED session of the last 7 days;
//  - WORSENING when the pain trend is worse by the clinically important
//    change (as the REGRESS rule);
//  - NON_ADHERENCE when the plan is ACTIVE now and has been ACTIVE for 4
//    days (4 x 24 h, paused time not counted) since the last session, or
//    since it started when there is none;
//  - LOW_ADHERENCE when the plan is ACTIVE now and adherence over the last
//    two complete calendar weeks is below 80 %.
std::vector<Alert> EvaluateAlerts(const AlertInput& input,
                                  const AlertPolicy& policy = {});

// When the adherence alerts of `input` can next change, time passing alone:
// the sooner of next Monday (LOW_ADHERENCE's weeks move on) and the moment
// the current gap reaches `non_adherence_after_days` of ACTIVE time. Always
// after `input.now`; nullopt when the plan is neither ACTIVE now nor later.
std::optional<absl::Time> NextAdherenceCheck(const AlertInput& input,
                                             const AlertPolicy& policy = {});

// The earliest a NON_ADHERENCE after a session performed at `performed_at`
// can fire.
absl::Time EarliestNonAdherenceAfter(absl::Time performed_at,
                                     const AlertPolicy& policy = {});

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_RULES_ALERTS_H_
