#ifndef COREBALANCE_SERVICES_PRESCRIPTION_RULES_DOSE_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_RULES_DOSE_H_

// How much of one exercise a patient does, and the checks a dose must pass
// before it is stored in a plan.

#include <string>
#include <string_view>

#include "services/common/field_violation.h"

namespace corebalance::prescription {

// Every field is 0 when the exercise does not use it (walking has no sets,
// a stretch has no reps). frequency_per_week 0 means "as often as the plan
// schedules its sessions".
struct Dose {
  int sets = 0;
  int reps = 0;
  int hold_seconds = 0;
  int rest_seconds = 0;
  int duration_minutes = 0;
  int frequency_per_week = 0;
  bool per_side = false;

  friend bool operator==(const Dose&, const Dose&) = default;
};

// Sanity limits (clinic policy): twice a day is the most a home program
// asks for, and no isometric hold lasts longer than 10 minutes.
struct DoseLimits {
  int max_frequency_per_week = 14;
  int max_hold_seconds = 600;
};

// Field violations of `dose`, each named `<field_prefix>.<field>` (e.g.
// "plan.exercises[2].dose.hold_seconds"); the dose as a whole (it prescribes
// nothing) is named `field_prefix` itself. Empty when the dose is valid:
//  - no field is negative;
//  - at least one of reps, hold_seconds, duration_minutes is used;
//  - sets is at least 1 when reps or hold_seconds is used;
//  - frequency_per_week and hold_seconds are within `limits`.
FieldViolations ValidateDose(const Dose& dose, std::string_view field_prefix,
                             const DoseLimits& limits = {});

// For people, e.g. "2 x 8 reps per side, 5 s hold, 5x/week",
// "2 x 30 s hold per side" or "10 min, 5x/week". Unused fields are left out.
std::string DescribeDose(const Dose& dose);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_RULES_DOSE_H_
