#include "services/intake/rules/outcome_change.h"

namespace corebalance::intake {
namespace {

constexpr double kTolerance = 1e-9;

}  // namespace

MeasureChange ComputeMeasureChange(double baseline, double follow_up,
                                   const ImportantChangeThreshold& threshold) {
  MeasureChange change;
  change.baseline = baseline;
  change.follow_up = follow_up;
  change.absolute_change = follow_up - baseline;
  const double improvement = baseline - follow_up;  // positive = better
  bool important = improvement >= threshold.points - kTolerance;
  if (baseline != 0) {
    // Multiply first: 100 x 3 / 10 is exactly 30, 3 / 10 x 100 is not.
    change.percent_change = 100.0 * change.absolute_change / baseline;
    const double improvement_percent = 100.0 * improvement / baseline;
    important =
        important || improvement_percent >= threshold.percent - kTolerance;
  }
  change.important_improvement = improvement > 0 && important;
  return change;
}

OutcomeChange ComputeOutcomeChange(const OutcomeMeasures& initial,
                                   const OutcomeMeasures& follow_up,
                                   const ScoringPolicy& policy) {
  OutcomeChange result;
  result.nprs = ComputeMeasureChange(initial.nprs_now, follow_up.nprs_now,
                                     policy.nprs_important_change);
  if (initial.odi_percent.has_value() && follow_up.odi_percent.has_value()) {
    result.odi =
        ComputeMeasureChange(*initial.odi_percent, *follow_up.odi_percent,
                             policy.odi_important_change);
  }
  return result;
}

}  // namespace corebalance::intake
