#include "services/prescription/rules/reduced_dose.h"

#include <limits>

#include "gtest/gtest.h"

namespace corebalance::prescription {
namespace {

struct ReduceCase {
  const char* what;
  Dose standard;
  Dose reduced;
};

TEST(ReduceDose, FollowsTheReferenceDefaults) {
  const ReduceCase cases[] = {
      {"breathing-brace: sets stay 1, 10 x 0.7 = 7",
       {.sets = 1, .reps = 10, .hold_seconds = 10, .frequency_per_week = 7},
       {.sets = 1, .reps = 7, .hold_seconds = 7, .frequency_per_week = 7}},
      {"bird-dog: 2 sets -> 1, 8 x 0.7 = 5.6 -> 6, 5 s x 0.7 = 3.5 -> 4",
       {.sets = 2, .reps = 8, .hold_seconds = 5, .per_side = true},
       {.sets = 1, .reps = 6, .hold_seconds = 4, .per_side = true}},
      {"15 reps x 0.7 = 10.5 rounds up to 11",
       {.sets = 3, .reps = 15},
       {.sets = 2, .reps = 11}},
      {"1 rep x 0.7 = 0.7 -> 1 (at least 1)",
       {.sets = 1, .reps = 1, .hold_seconds = 1},
       {.sets = 1, .reps = 1, .hold_seconds = 1}},
      {"30 s hold x 0.7 = 21, rest unchanged",
       {.sets = 3, .hold_seconds = 30, .rest_seconds = 45},
       {.sets = 2, .hold_seconds = 21, .rest_seconds = 45}},
      {"walking 30 min x 0.5 = 15, frequency unchanged",
       {.duration_minutes = 30, .frequency_per_week = 5},
       {.duration_minutes = 15, .frequency_per_week = 5}},
      {"walking 15 min x 0.5 = 7.5 -> 8",
       {.duration_minutes = 15, .frequency_per_week = 7},
       {.duration_minutes = 8, .frequency_per_week = 7}},
      {"walking 10 min x 0.5 = 5 (the minimum)",
       {.duration_minutes = 10},
       {.duration_minutes = 5}},
      {"walking 8 min x 0.5 = 4 -> at least 5",
       {.duration_minutes = 8},
       {.duration_minutes = 5}},
      {"walking 4 min is never raised to 5",
       {.duration_minutes = 4},
       {.duration_minutes = 4}},
      {"unused fields stay 0", {}, {}},
  };
  for (const ReduceCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(ReduceDose(c.standard), c.reduced);
  }
}

TEST(ReduceDose, UsesThePolicy) {
  const ReducedDosePolicy half{.sets_decrease = 2,
                               .min_sets = 1,
                               .reps_percent = 50,
                               .min_reps = 3,
                               .hold_percent = 50,
                               .min_hold_seconds = 5,
                               .duration_percent = 25,
                               .min_duration_minutes = 10};
  EXPECT_EQ(ReduceDose({.sets = 4, .reps = 10, .hold_seconds = 8}, half),
            (Dose{.sets = 2, .reps = 5, .hold_seconds = 5}));
  EXPECT_EQ(ReduceDose({.sets = 2, .reps = 4}, half),
            (Dose{.sets = 1, .reps = 3}));
  EXPECT_EQ(ReduceDose({.duration_minutes = 60}, half),
            (Dose{.duration_minutes = 15}));
}

// A client's dose may be any int32 (tests/fuzz/corpus/fuzz_exercise/
// overflow_reps.bin): scaling it must not overflow.
TEST(ReduceDose, ScalesTheLargestDosesWithoutOverflow) {
  constexpr int kMax = std::numeric_limits<int>::max();
  EXPECT_EQ(ReduceDose({.sets = 3, .reps = 100000000}),
            (Dose{.sets = 2, .reps = 70000000}));
  const Dose reduced = ReduceDose({.sets = kMax,
                                   .reps = kMax,
                                   .hold_seconds = kMax,
                                   .duration_minutes = kMax});
  EXPECT_EQ(reduced.sets, kMax - 1);
  EXPECT_EQ(reduced.reps, 1503238553);  // 0.7 x kMax, rounded
  EXPECT_EQ(reduced.hold_seconds, 1503238553);
  EXPECT_EQ(reduced.duration_minutes, 1073741824);  // half, rounded up
}

}  // namespace
}  // namespace corebalance::prescription
