#include "services/intake/rules/scoring_policy.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace corebalance::intake {
namespace {

absl::Status CheckThreshold(absl::string_view name,
                            const ImportantChangeThreshold& threshold) {
  if (!(threshold.points > 0) || !std::isfinite(threshold.points)) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, ".points must be a positive number, got ", threshold.points));
  }
  if (!(threshold.percent > 0 && threshold.percent <= 100)) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, ".percent must be in (0, 100], got ", threshold.percent));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateScoringPolicy(const ScoringPolicy& policy) {
  if (policy.acute_below_weeks < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("acute_below_weeks must be at least 1, got ",
                     policy.acute_below_weeks));
  }
  if (policy.chronic_above_weeks < policy.acute_below_weeks) {
    return absl::InvalidArgumentError(
        absl::StrCat("chronic_above_weeks (", policy.chronic_above_weeks,
                     ") must not be below acute_below_weeks (",
                     policy.acute_below_weeks, ")"));
  }
  if (policy.min_odi_sections < 1 || policy.min_odi_sections > 10) {
    return absl::InvalidArgumentError(
        absl::StrCat("min_odi_sections must be between 1 and 10, got ",
                     policy.min_odi_sections));
  }
  if (!(policy.reduced_dose_odi_above_percent >= 0 &&
        policy.reduced_dose_odi_above_percent <= 100)) {
    return absl::InvalidArgumentError(
        absl::StrCat("reduced_dose_odi_above_percent must be between 0 and "
                     "100, got ",
                     policy.reduced_dose_odi_above_percent));
  }
  if (absl::Status s =
          CheckThreshold("nprs_important_change", policy.nprs_important_change);
      !s.ok()) {
    return s;
  }
  return CheckThreshold("odi_important_change", policy.odi_important_change);
}

}  // namespace corebalance::intake
