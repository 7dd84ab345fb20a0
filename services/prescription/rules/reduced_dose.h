#ifndef COREBALANCE_SERVICES_PRESCRIPTION_RULES_REDUCED_DOSE_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_RULES_REDUCED_DOSE_H_

// The lighter starting dose for patients who start with high disability
// (ODI > 40 %) or high psychosocial risk (STarT Back HIGH).

#include "services/prescription/rules/dose.h"

namespace corebalance::prescription {

// Clinic defaults of the clinical reference. Percentages are integers so the
// arithmetic is exact (5 reps x 70 % is 3.5, which rounds to 4).
struct ReducedDosePolicy {
  int sets_decrease = 1;
  int min_sets = 1;
  int reps_percent = 70;
  int min_reps = 1;
  int hold_percent = 70;
  int min_hold_seconds = 1;
  // Walking minutes (the only timed exercise of the catalogue).
  int duration_percent = 50;
  int min_duration_minutes = 5;
};

// Sets - 1, reps and hold x 0.7, duration x 0.5, halves rounded up, each
// kept at its minimum. Unused (0) fields stay 0; rest, frequency and per_side
// are unchanged. A reduced field never exceeds the standard one (a 4 minute
// walk stays 4 minutes rather than growing to the 5 minute minimum).
Dose ReduceDose(const Dose& standard, const ReducedDosePolicy& policy = {});

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_RULES_REDUCED_DOSE_H_
