#include "services/intake/dates.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace corebalance::intake {

std::optional<absl::CivilDay> DateFromProto(const google::type::Date& date,
                                            absl::string_view field,
                                            FieldViolations& out) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) {
    return std::nullopt;
  }
  // CivilDay normalises (Feb 30 -> Mar 2): a date that changes was invalid.
  const absl::CivilDay day(date.year(), date.month(), date.day());
  if (date.year() < 1900 || date.year() > 9999 || day.year() != date.year() ||
      day.month() != date.month() || day.day() != date.day()) {
    out.push_back(
        {std::string(field),
         absl::StrCat("must be a full calendar date from year 1900, "
                      "got ",
                      date.year(), "-", date.month(), "-", date.day())});
    return std::nullopt;
  }
  return day;
}

google::type::Date DateToProto(absl::CivilDay day) {
  google::type::Date out;
  out.set_year(static_cast<int32_t>(day.year()));
  out.set_month(day.month());
  out.set_day(day.day());
  return out;
}

absl::CivilDay Today(absl::TimeZone clinic_zone) {
  return absl::ToCivilDay(absl::Now(), clinic_zone);
}

}  // namespace corebalance::intake
