#include "services/progress/rules/alerts.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace corebalance::progress {
namespace {

bool ActiveAt(const std::vector<ActivePeriod>& periods, absl::Time at) {
  return std::any_of(periods.begin(), periods.end(),
                     [at](const ActivePeriod& period) {
                       return period.start <= at && at < period.end;
                     });
}

// Time the plan was ACTIVE within [from, to).
absl::Duration ActiveTimeBetween(const std::vector<ActivePeriod>& periods,
                                 absl::Time from, absl::Time to) {
  absl::Duration total;
  for (const ActivePeriod& period : periods) {
    const absl::Time start = std::max(period.start, from);
    const absl::Time end = std::min(period.end, to);
    if (start < end) total += end - start;
  }
  return total;
}

void AddPainFlares(const AlertInput& input, const AlertPolicy& policy,
                   std::vector<Alert>& alerts) {
  const DayWindow window = LastDays(input.now, policy.pain_flare_lookback_days);
  std::vector<const SessionRecord*> red;
  for (const SessionRecord& session : input.sessions) {
    if (session.light == TrafficLight::kRed &&
        session.performed_at <= input.now &&
        window.Contains(UtcDay(session.performed_at))) {
      red.push_back(&session);
    }
  }
  std::stable_sort(red.begin(), red.end(),
                   [](const SessionRecord* a, const SessionRecord* b) {
                     return a->performed_at < b->performed_at;
                   });
  for (const SessionRecord* session : red) {
    alerts.push_back(
        {.kind = AlertKind::kPainFlare,
         .cause_key = absl::StrCat("session:", session->id),
         .message = absl::StrCat(
             "RED session on ", FormatDay(UtcDay(session->performed_at)),
             ": regress and review (session ", session->id, ")")});
  }
}

void AddWorsening(const AlertInput& input, const AlertPolicy& policy,
                  std::vector<Alert>& alerts) {
  std::vector<PainPoint> points;
  for (const SessionRecord& session : input.sessions) {
    if (session.pain_before.has_value()) {
      points.push_back({session.performed_at, *session.pain_before});
    }
  }
  const PainTrend trend = SummarizePainTrend(points, input.initial_nprs_now,
                                             input.now, policy.worsening);
  if (!trend.worsened) return;
  alerts.push_back(
      {.kind = AlertKind::kWorsening,
       .cause_key =
           absl::StrCat("week:", FormatDay(WeekStart(UtcDay(input.now)))),
       .message = absl::StrFormat(
           "average pain before exercise %.1f over the last %d days is %.1f "
           "above the initial NPRS %d (clinically important worsening at %d)",
           *trend.recent_average, policy.worsening.recent_days,
           *trend.change_from_baseline, *input.initial_nprs_now,
           policy.worsening.worsening_points)});
}

void AddNonAdherence(const AlertInput& input, const AlertPolicy& policy,
                     std::vector<Alert>& alerts) {
  const SessionRecord* last = nullptr;
  for (const SessionRecord& session : input.sessions) {
    if (session.performed_at > input.now) continue;
    // Ties broken by id so that the key does not depend on input order.
    if (last == nullptr || session.performed_at > last->performed_at ||
        (session.performed_at == last->performed_at && session.id > last->id)) {
      last = &session;
    }
  }
  absl::Time gap_start = absl::InfiniteFuture();
  for (const ActivePeriod& period : input.active_periods) {
    if (period.start < period.end)
      gap_start = std::min(gap_start, period.start);
  }
  if (gap_start == absl::InfiniteFuture()) return;
  std::string key;
  std::string since;
  if (last != nullptr) {
    gap_start = std::max(gap_start, last->performed_at);
    key = absl::StrCat("plan:", input.plan_id, ":after-session:", last->id);
    since =
        absl::StrCat("last session ", FormatDay(UtcDay(last->performed_at)));
  } else {
    const std::string started = FormatDay(UtcDay(gap_start));
    key = absl::StrCat("plan:", input.plan_id, ":no-session-since:", started);
    since = absl::StrCat("no session since the plan started on ", started);
  }
  const absl::Duration idle =
      ActiveTimeBetween(input.active_periods, gap_start, input.now);
  if (idle < absl::Hours(24) * policy.non_adherence_after_days) return;
  alerts.push_back(
      {.kind = AlertKind::kNonAdherence,
       .cause_key = std::move(key),
       .message = absl::StrFormat(
           "no session logged for %d days while the plan was ACTIVE (%s)",
           static_cast<int>(idle / absl::Hours(24)), since)});
}

void AddLowAdherence(const AlertInput& input, const AlertPolicy& policy,
                     std::vector<Alert>& alerts) {
  const absl::CivilDay this_week = WeekStart(UtcDay(input.now));
  const DayWindow window{this_week - 7 * policy.low_adherence_weeks,
                         this_week - 1};
  std::vector<absl::Time> times;
  for (const SessionRecord& session : input.sessions) {
    times.push_back(session.performed_at);
  }
  const SessionCounts counts =
      ComputeAdherence(input.active_periods, times, window).overall;
  if (counts.prescribed_sevenths <= 0 ||
      counts.active_days < policy.low_adherence_min_active_days ||
      counts.AtLeast(policy.low_adherence_below_percent)) {
    return;
  }
  const std::string first = FormatDay(window.first);
  const std::string last = FormatDay(window.last);
  alerts.push_back(
      {.kind = AlertKind::kLowAdherence,
       .cause_key =
           absl::StrCat("plan:", input.plan_id, ":weeks:", first, "..", last),
       .message = absl::StrFormat(
           "adherence %d %% over the %d weeks %s to %s, %d of %s sessions "
           "(adherent at %d %%)",
           *counts.display_percent(), policy.low_adherence_weeks, first, last,
           counts.logged, FormatPrescribed(counts),
           policy.low_adherence_below_percent)});
}

}  // namespace

std::string_view AlertKindName(AlertKind kind) {
  switch (kind) {
    case AlertKind::kPainFlare:
      return "PAIN_FLARE";
    case AlertKind::kWorsening:
      return "WORSENING";
    case AlertKind::kNonAdherence:
      return "NON_ADHERENCE";
    case AlertKind::kLowAdherence:
      return "LOW_ADHERENCE";
  }
  return "UNKNOWN";
}

std::vector<Alert> EvaluateAlerts(const AlertInput& input,
                                  const AlertPolicy& policy) {
  std::vector<Alert> alerts;
  AddPainFlares(input, policy, alerts);
  AddWorsening(input, policy, alerts);
  if (!input.plan_id.empty() && ActiveAt(input.active_periods, input.now)) {
    AddNonAdherence(input, policy, alerts);
    AddLowAdherence(input, policy, alerts);
  }
  return alerts;
}

}  // namespace corebalance::progress
