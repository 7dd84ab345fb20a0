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

// Where the current gap without a session starts: the last session, or the
// plan's first ACTIVE time before any; nullopt when it was never ACTIVE.
struct Gap {
  absl::Time start;
  const SessionRecord* last = nullptr;  // nullptr: no session yet
};
std::optional<Gap> CurrentGap(const AlertInput& input) {
  const SessionRecord* last = nullptr;
  for (const SessionRecord& session : input.sessions) {
    if (session.performed_at > input.now) continue;
    // Ties broken by id so that the key does not depend on input order.
    if (last == nullptr || session.performed_at > last->performed_at ||
        (session.performed_at == last->performed_at && session.id > last->id)) {
      last = &session;
    }
  }
  absl::Time start = absl::InfiniteFuture();
  for (const ActivePeriod& period : input.active_periods) {
    if (period.start < period.end) start = std::min(start, period.start);
  }
  if (start == absl::InfiniteFuture()) return std::nullopt;
  if (last != nullptr) start = std::max(start, last->performed_at);
  return Gap{start, last};
}

absl::Duration NonAdherenceAfter(const AlertPolicy& policy) {
  return absl::Hours(24) * policy.non_adherence_after_days;
}

void AddNonAdherence(const AlertInput& input, const AlertPolicy& policy,
                     std::vector<Alert>& alerts) {
  const std::optional<Gap> gap = CurrentGap(input);
  if (!gap) return;
  std::string key;
  std::string since;
  if (gap->last != nullptr) {
    key =
        absl::StrCat("plan:", input.plan_id, ":after-session:", gap->last->id);
    since = absl::StrCat("last session ",
                         FormatDay(UtcDay(gap->last->performed_at)));
  } else {
    const std::string started = FormatDay(UtcDay(gap->start));
    key = absl::StrCat("plan:", input.plan_id, ":no-session-since:", started);
    since = absl::StrCat("no session since the plan started on ", started);
  }
  const absl::Duration idle =
      ActiveTimeBetween(input.active_periods, gap->start, input.now);
  if (idle < NonAdherenceAfter(policy)) return;
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

std::optional<absl::Time> NextAdherenceCheck(const AlertInput& input,
                                             const AlertPolicy& policy) {
  if (input.plan_id.empty()) return std::nullopt;
  if (!ActiveAt(input.active_periods, input.now)) {
    // Not ACTIVE now: from when it is ACTIVE again, if it is planned to be.
    std::optional<absl::Time> next;
    for (const ActivePeriod& period : input.active_periods) {
      if (period.start > input.now && period.start < period.end) {
        next = std::min(next.value_or(period.start), period.start);
      }
    }
    return next;
  }
  // LOW_ADHERENCE looks at complete weeks: its answer changes next Monday.
  absl::Time next = StartOfUtcDay(WeekStart(UtcDay(input.now)) + 7);
  if (const std::optional<Gap> gap = CurrentGap(input)) {
    const absl::Duration idle =
        ActiveTimeBetween(input.active_periods, gap->start, input.now);
    // Once raised, this gap's NON_ADHERENCE is done; the next needs a new
    // session, which moves the check sooner itself.
    if (idle < NonAdherenceAfter(policy)) {
      next = std::min(next, input.now + (NonAdherenceAfter(policy) - idle));
    }
  }
  return next;
}

absl::Time EarliestNonAdherenceAfter(absl::Time performed_at,
                                     const AlertPolicy& policy) {
  return performed_at + NonAdherenceAfter(policy);
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
