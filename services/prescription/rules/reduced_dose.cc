#include "services/prescription/rules/reduced_dose.h"

#include <algorithm>
#include <cstdint>

namespace corebalance::prescription {
namespace {

// value x percent / 100, halves rounded up, then at least `minimum` but never
// above `value`. Unused (0) stays 0.
int Scale(int value, int percent, int minimum) {
  if (value <= 0) return value;
  // In 64 bits: a client may send any int32 as a dose, and 100000000 reps x
  // 70 overflows an int (tests/fuzz/corpus/fuzz_exercise/overflow_reps.bin).
  const int64_t scaled = (int64_t{value} * percent + 50) / 100;
  return static_cast<int>(
      std::min<int64_t>(value, std::max<int64_t>(scaled, minimum)));
}

int Decrease(int value, int by, int minimum) {
  if (value <= 0) return value;
  return std::min(value, std::max(value - by, minimum));
}

}  // namespace

Dose ReduceDose(const Dose& standard, const ReducedDosePolicy& policy) {
  Dose reduced = standard;
  reduced.sets = Decrease(standard.sets, policy.sets_decrease, policy.min_sets);
  reduced.reps = Scale(standard.reps, policy.reps_percent, policy.min_reps);
  reduced.hold_seconds = Scale(standard.hold_seconds, policy.hold_percent,
                               policy.min_hold_seconds);
  reduced.duration_minutes =
      Scale(standard.duration_minutes, policy.duration_percent,
            policy.min_duration_minutes);
  return reduced;
}

}  // namespace corebalance::prescription
