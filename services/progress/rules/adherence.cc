#include "services/progress/rules/adherence.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace corebalance::progress {
namespace {

// The frequency in force on `day`: that of the latest-starting period the
// plan was ACTIVE in at some moment of the day; nullopt when it never was.
std::optional<int> FrequencyOn(absl::CivilDay day,
                               std::span<const ActivePeriod> periods) {
  const absl::Time day_start = StartOfUtcDay(day);
  const absl::Time day_end = StartOfUtcDay(day + 1);
  const ActivePeriod* latest = nullptr;
  for (const ActivePeriod& period : periods) {
    if (period.start >= period.end) continue;
    if (period.start >= day_end || period.end <= day_start) continue;
    if (latest == nullptr || period.start >= latest->start) latest = &period;
  }
  if (latest == nullptr) return std::nullopt;
  return latest->frequency_per_week;
}

}  // namespace

std::vector<ActivePeriod> ActivePeriodsFromHistory(
    std::span<const PlanStatusChange> changes) {
  std::vector<PlanStatusChange> sorted(changes.begin(), changes.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const PlanStatusChange& a, const PlanStatusChange& b) {
                     return a.at < b.at;
                   });
  std::vector<ActivePeriod> periods;
  std::optional<ActivePeriod> open;
  for (const PlanStatusChange& change : sorted) {
    const bool same_period =
        open.has_value() && change.active &&
        change.frequency_per_week == open->frequency_per_week;
    if (same_period) continue;
    if (open.has_value()) {
      open->end = change.at;
      if (open->start < open->end) periods.push_back(*open);
      open.reset();
    }
    if (change.active) {
      open = ActivePeriod{change.at, absl::InfiniteFuture(),
                          change.frequency_per_week};
    }
  }
  if (open.has_value()) periods.push_back(*open);
  return periods;
}

std::optional<int> SessionCounts::percent() const {
  if (prescribed_sevenths <= 0) return std::nullopt;
  // logged / (sevenths / 7) x 100, in integers.
  return static_cast<int>((int64_t{logged} * 700) / prescribed_sevenths);
}

std::optional<int> SessionCounts::display_percent() const {
  const std::optional<int> raw = percent();
  if (!raw.has_value()) return std::nullopt;
  return std::min(*raw, 100);
}

bool SessionCounts::AtLeast(int at_least_percent) const {
  if (prescribed_sevenths <= 0) return false;
  return int64_t{logged} * 700 >=
         int64_t{at_least_percent} * prescribed_sevenths;
}

std::string FormatPrescribed(const SessionCounts& counts) {
  if (counts.prescribed_sevenths % 7 == 0) {
    return absl::StrCat(counts.prescribed_sevenths / 7);
  }
  return absl::StrFormat("%.1f", counts.prescribed_sessions());
}

Adherence ComputeAdherence(std::span<const ActivePeriod> periods,
                           std::span<const absl::Time> sessions,
                           DayWindow window, const AdherencePolicy& policy) {
  Adherence adherence;
  adherence.overall.days = window;
  for (absl::CivilDay day = window.first; day <= window.last; ++day) {
    const absl::CivilDay week_start = WeekStart(day);
    if (adherence.weeks.empty() ||
        WeekStart(adherence.weeks.back().days.first) != week_start) {
      adherence.weeks.push_back(
          {.days = {day, std::min(week_start + 6, window.last)}});
    }
    const std::optional<int> frequency = FrequencyOn(day, periods);
    if (!frequency.has_value()) continue;
    const int logged = static_cast<int>(
        std::count_if(sessions.begin(), sessions.end(),
                      [day](absl::Time at) { return UtcDay(at) == day; }));
    for (SessionCounts* counts :
         {&adherence.overall, &adherence.weeks.back()}) {
      ++counts->active_days;
      counts->prescribed_sevenths += *frequency;
      counts->logged += logged;
    }
  }
  adherence.adherent =
      adherence.overall.AtLeast(policy.adherent_at_least_percent);
  return adherence;
}

std::optional<int> DaysSinceLastSession(std::span<const absl::Time> sessions,
                                        absl::Time now) {
  std::optional<absl::Time> last;
  for (absl::Time at : sessions) {
    if (at <= now && (!last.has_value() || at > *last)) last = at;
  }
  if (!last.has_value()) return std::nullopt;
  return static_cast<int>(UtcDay(now) - UtcDay(*last));
}

}  // namespace corebalance::progress
