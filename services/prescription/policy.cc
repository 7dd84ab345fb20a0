#include "services/prescription/policy.h"

#include "absl/strings/str_cat.h"

namespace corebalance::prescription {

absl::StatusOr<DoseRules> DoseRulesFromConfig(
    const config::v1::PrescriptionPolicy& c) {
  DoseRules rules;
  ReducedDosePolicy& r = rules.reduced;
  struct Field {
    const char* json_name;
    bool has;
    int value;
    int min;
    int max;
    int* out;
  };
  const Field fields[] = {
      {"reducedSetsDecrease", c.has_reduced_sets_decrease(),
       c.reduced_sets_decrease(), 0, 10, &r.sets_decrease},
      {"reducedMinSets", c.has_reduced_min_sets(), c.reduced_min_sets(), 1, 10,
       &r.min_sets},
      {"reducedRepsPercent", c.has_reduced_reps_percent(),
       c.reduced_reps_percent(), 1, 100, &r.reps_percent},
      {"reducedMinReps", c.has_reduced_min_reps(), c.reduced_min_reps(), 1, 100,
       &r.min_reps},
      {"reducedHoldPercent", c.has_reduced_hold_percent(),
       c.reduced_hold_percent(), 1, 100, &r.hold_percent},
      {"reducedMinHoldSeconds", c.has_reduced_min_hold_seconds(),
       c.reduced_min_hold_seconds(), 1, 600, &r.min_hold_seconds},
      {"reducedDurationPercent", c.has_reduced_duration_percent(),
       c.reduced_duration_percent(), 1, 100, &r.duration_percent},
      {"reducedMinDurationMinutes", c.has_reduced_min_duration_minutes(),
       c.reduced_min_duration_minutes(), 1, 240, &r.min_duration_minutes},
      {"maxFrequencyPerWeek", c.has_max_frequency_per_week(),
       c.max_frequency_per_week(), 1, 28, &rules.limits.max_frequency_per_week},
      {"maxHoldSeconds", c.has_max_hold_seconds(), c.max_hold_seconds(), 1,
       3600, &rules.limits.max_hold_seconds},
  };
  for (const Field& f : fields) {
    if (!f.has) continue;
    if (f.value < f.min || f.value > f.max) {
      return absl::InvalidArgumentError(
          absl::StrCat("clinic policy prescription.", f.json_name, ": must be ",
                       f.min, "..", f.max, ", got ", f.value));
    }
    *f.out = f.value;
  }
  return rules;
}

}  // namespace corebalance::prescription
