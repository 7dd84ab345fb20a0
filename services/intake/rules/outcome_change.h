#ifndef COREBALANCE_SERVICES_INTAKE_RULES_OUTCOME_CHANGE_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_OUTCOME_CHANGE_H_

// Change of NPRS and ODI from the INITIAL assessment to a FOLLOW_UP, and
// whether it reaches the clinically important improvement.

#include <optional>

#include "services/intake/rules/scoring_policy.h"

namespace corebalance::intake {

// What one assessment contributes to a comparison.
struct OutcomeMeasures {
  int nprs_now = 0;
  std::optional<double> odi_percent;  // exact; nullopt when not scorable
};

struct MeasureChange {
  double baseline = 0;
  double follow_up = 0;
  // follow_up - baseline: negative is an improvement (less pain/disability).
  double absolute_change = 0;
  // 100 x absolute_change / baseline; nullopt when the baseline is 0.
  std::optional<double> percent_change;
  // Improved by at least threshold.points, or by at least threshold.percent
  // of a non-zero baseline. Worsening never counts.
  bool important_improvement = false;
};

struct OutcomeChange {
  MeasureChange nprs;
  std::optional<MeasureChange> odi;  // only when both ODIs are scorable
};

// Improvements within 1e-9 of a threshold count as reaching it, so ODI
// percentages from different numbers of answered sections (e.g. 16/45) are
// not denied a change that is exactly on the threshold.
MeasureChange ComputeMeasureChange(double baseline, double follow_up,
                                   const ImportantChangeThreshold& threshold);

OutcomeChange ComputeOutcomeChange(const OutcomeMeasures& initial,
                                   const OutcomeMeasures& follow_up,
                                   const ScoringPolicy& policy);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_OUTCOME_CHANGE_H_
