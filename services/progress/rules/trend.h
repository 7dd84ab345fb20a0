#ifndef COREBALANCE_SERVICES_PROGRESS_RULES_TREND_H_
#define COREBALANCE_SERVICES_PROGRESS_RULES_TREND_H_

// Where a patient's pain is heading: the least-squares slope over time, the
// recent average, and whether it is worse than at the start by the
// clinically important change.

#include <optional>
#include <span>

#include "absl/time/time.h"
#include "services/progress/rules/days.h"

namespace corebalance::progress {

struct PainPoint {
  absl::Time at = {};
  int pain = 0;  // NPRS 0..10
};

// NPRS points per week of the least-squares line through `points`; nullopt
// with fewer than two points or when all were taken at the same moment.
std::optional<double> PainSlopePerWeek(std::span<const PainPoint> points);

// Clinic defaults: the "last 7 days" and the NPRS clinically important
// change of 2 points (Ostelo 2008) that counts as worsening.
struct TrendPolicy {
  int recent_days = 7;
  int worsening_points = 2;
};

struct PainTrend {
  int points = 0;
  std::optional<double> slope_per_week = {};
  // Points in the `recent_days` UTC days ending today.
  DayWindow recent_window = {};
  int recent_points = 0;
  std::optional<double> recent_average = {};
  // The initial assessment's NPRS now, when known.
  std::optional<int> baseline = {};
  // recent_average - baseline.
  std::optional<double> change_from_baseline = {};
  // recent_average >= baseline + worsening_points (exact, no rounding).
  bool worsened = false;
};

// Typically over pain before exercise. Points after `now` are ignored.
PainTrend SummarizePainTrend(std::span<const PainPoint> points,
                             std::optional<int> baseline, absl::Time now,
                             const TrendPolicy& policy = {});

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_RULES_TREND_H_
