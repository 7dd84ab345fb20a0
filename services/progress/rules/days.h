#ifndef COREBALANCE_SERVICES_PROGRESS_RULES_DAYS_H_
#define COREBALANCE_SERVICES_PROGRESS_RULES_DAYS_H_

// Calendar days in UTC: every window of the progress rules ("the last 7
// days", "per week") counts whole UTC civil days, weeks start on Monday.

#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace corebalance::progress {

// A run of days, both ends included.
struct DayWindow {
  absl::CivilDay first = {};
  absl::CivilDay last = {};

  int days() const { return static_cast<int>(last - first) + 1; }
  bool Contains(absl::CivilDay day) const {
    return day >= first && day <= last;
  }
};

absl::CivilDay UtcDay(absl::Time time);
absl::Time StartOfUtcDay(absl::CivilDay day);

// The Monday on or before `day`.
absl::CivilDay WeekStart(absl::CivilDay day);

// The `days` days ending with the UTC day of `now` (today included).
DayWindow LastDays(absl::Time now, int days);

// "2025-04-07".
std::string FormatDay(absl::CivilDay day);

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_RULES_DAYS_H_
