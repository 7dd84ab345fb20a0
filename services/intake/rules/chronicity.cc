#include "services/intake/rules/chronicity.h"

namespace corebalance::intake {

std::string_view ChronicityName(Chronicity chronicity) {
  switch (chronicity) {
    case Chronicity::kAcute:
      return "ACUTE";
    case Chronicity::kSubacute:
      return "SUBACUTE";
    case Chronicity::kChronic:
      return "CHRONIC";
  }
  return "UNKNOWN";
}

Chronicity ChronicityForDays(int64_t days, const ScoringPolicy& policy) {
  const int64_t acute_below_days = int64_t{policy.acute_below_weeks} * 7;
  const int64_t chronic_above_days = int64_t{policy.chronic_above_weeks} * 7;
  if (days < acute_below_days) return Chronicity::kAcute;
  if (days > chronic_above_days) return Chronicity::kChronic;
  return Chronicity::kSubacute;
}

Chronicity ChronicityForWeeks(int64_t weeks, const ScoringPolicy& policy) {
  if (weeks < policy.acute_below_weeks) return Chronicity::kAcute;
  if (weeks > policy.chronic_above_weeks) return Chronicity::kChronic;
  return Chronicity::kSubacute;
}

std::optional<Chronicity> DeriveChronicity(absl::CivilDay assessed_on,
                                           std::optional<absl::CivilDay> onset,
                                           std::optional<int> duration_weeks,
                                           const ScoringPolicy& policy) {
  if (onset.has_value()) {
    return ChronicityForDays(assessed_on - *onset, policy);
  }
  if (duration_weeks.has_value()) {
    return ChronicityForWeeks(*duration_weeks, policy);
  }
  return std::nullopt;
}

}  // namespace corebalance::intake
