#include "services/progress/rules/days.h"

namespace corebalance::progress {

absl::CivilDay UtcDay(absl::Time time) {
  return absl::ToCivilDay(time, absl::UTCTimeZone());
}

absl::Time StartOfUtcDay(absl::CivilDay day) {
  return absl::FromCivil(day, absl::UTCTimeZone());
}

absl::CivilDay WeekStart(absl::CivilDay day) {
  if (absl::GetWeekday(day) == absl::Weekday::monday) return day;
  return absl::PrevWeekday(day, absl::Weekday::monday);
}

DayWindow LastDays(absl::Time now, int days) {
  const absl::CivilDay today = UtcDay(now);
  return {today - (days - 1), today};
}

std::string FormatDay(absl::CivilDay day) { return absl::FormatCivilTime(day); }

}  // namespace corebalance::progress
