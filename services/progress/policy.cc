#include "services/progress/policy.h"

#include <vector>

#include "absl/strings/str_cat.h"

namespace corebalance::progress {

absl::StatusOr<ProgressRules> ProgressRulesFromConfig(
    const config::v1::ProgressPolicy& c) {
  ProgressRules rules;
  TrafficLightPolicy& t = rules.traffic_light;
  RecommendationPolicy& r = rules.recommendation;
  AlertPolicy& a = rules.alerts;
  struct Field {
    const char* json_name;
    bool has;
    int value;
    int min;
    int max;
    std::vector<int*> out;
  };
  const Field fields[] = {
      {"redWorstDuringAtLeast",
       c.has_red_worst_during_at_least(),
       c.red_worst_during_at_least(),
       1,
       10,
       {&t.red_worst_during_at_least}},
      {"redAfterAtLeast",
       c.has_red_after_at_least(),
       c.red_after_at_least(),
       1,
       10,
       {&t.red_after_at_least}},
      {"amberWorstDuringAtLeast",
       c.has_amber_worst_during_at_least(),
       c.amber_worst_during_at_least(),
       1,
       10,
       {&t.amber_worst_during_at_least}},
      {"amberDuringAboveBaselineByMoreThan",
       c.has_amber_during_above_baseline_by_more_than(),
       c.amber_during_above_baseline_by_more_than(),
       0,
       10,
       {&t.amber_during_above_baseline_by_more_than}},
      {"amber24hAboveBaselineByMoreThan",
       c.has_amber_24h_above_baseline_by_more_than(),
       c.amber_24h_above_baseline_by_more_than(),
       0,
       10,
       {&t.amber_24h_above_baseline_by_more_than}},
      {"regressRedSessionsAtLeast",
       c.has_regress_red_sessions_at_least(),
       c.regress_red_sessions_at_least(),
       1,
       100,
       {&r.regress_red_sessions_at_least}},
      {"redWindowDays",
       c.has_red_window_days(),
       c.red_window_days(),
       1,
       90,
       {&r.red_window_days, &a.pain_flare_lookback_days}},
      {"worseningPoints",
       c.has_worsening_points(),
       c.worsening_points(),
       1,
       10,
       {&r.worsening.worsening_points, &a.worsening.worsening_points}},
      {"progressMinDaysOnRevision",
       c.has_progress_min_days_on_revision(),
       c.progress_min_days_on_revision(),
       0,
       365,
       {&r.progress_min_days_on_revision}},
      {"progressWindowDays",
       c.has_progress_window_days(),
       c.progress_window_days(),
       1,
       90,
       {&r.progress_window_days}},
      {"progressMinAdherencePercent",
       c.has_progress_min_adherence_percent(),
       c.progress_min_adherence_percent(),
       0,
       100,
       {&r.progress_min_adherence_percent}},
      {"progressMinCompletionPercent",
       c.has_progress_min_completion_percent(),
       c.progress_min_completion_percent(),
       0,
       100,
       {&r.progress_min_completion_percent}},
      {"nonAdherenceAfterDays",
       c.has_non_adherence_after_days(),
       c.non_adherence_after_days(),
       1,
       60,
       {&a.non_adherence_after_days}},
      {"lowAdherenceBelowPercent",
       c.has_low_adherence_below_percent(),
       c.low_adherence_below_percent(),
       1,
       100,
       {&a.low_adherence_below_percent}},
      {"lowAdherenceWeeks",
       c.has_low_adherence_weeks(),
       c.low_adherence_weeks(),
       1,
       12,
       {&a.low_adherence_weeks}},
  };
  for (const Field& f : fields) {
    if (!f.has) continue;
    if (f.value < f.min || f.value > f.max) {
      return absl::InvalidArgumentError(
          absl::StrCat("clinic policy progress.", f.json_name, ": must be ",
                       f.min, "..", f.max, ", got ", f.value));
    }
    for (int* out : f.out) *out = f.value;
  }
  if (t.amber_worst_during_at_least > t.red_worst_during_at_least) {
    return absl::InvalidArgumentError(
        "clinic policy progress: amberWorstDuringAtLeast must not be above "
        "redWorstDuringAtLeast");
  }
  return rules;
}

}  // namespace corebalance::progress
