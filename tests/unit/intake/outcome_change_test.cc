#include "services/intake/rules/outcome_change.h"

#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace corebalance::intake {
namespace {

struct ChangeCase {
  std::string name;
  double baseline;
  double follow_up;
  std::optional<double> expected_percent;
  bool expected_important;
};

void ExpectChange(const ChangeCase& c, const MeasureChange& change) {
  EXPECT_EQ(change.baseline, c.baseline);
  EXPECT_EQ(change.follow_up, c.follow_up);
  EXPECT_EQ(change.absolute_change, c.follow_up - c.baseline);
  ASSERT_EQ(change.percent_change.has_value(), c.expected_percent.has_value());
  if (c.expected_percent.has_value()) {
    EXPECT_DOUBLE_EQ(*change.percent_change, *c.expected_percent);
  }
  EXPECT_EQ(change.important_improvement, c.expected_important);
}

TEST(OutcomeChange, NprsNeedsTwoPointsOrThirtyPercent) {
  const ChangeCase cases[] = {
      {"exactly 2 points (25 %)", 8, 6, -25.0, true},
      {"more than 2 points", 7, 2, -100.0 * 5 / 7, true},
      {"1 point, 20 %", 5, 4, -20.0, false},
      {"1 point, 25 %", 4, 3, -25.0, false},
      {"1 point but 33 %", 3, 2, -100.0 / 3, true},
      {"exactly 30 % and 3 points", 10, 7, -30.0, true},
      {"no change", 6, 6, 0.0, false},
      {"worse by 3 points", 4, 7, 75.0, false},
      {"baseline 0 has no percent", 0, 0, std::nullopt, false},
      {"worse from baseline 0", 0, 3, std::nullopt, false},
      {"to zero", 2, 0, -100.0, true},
  };
  const ScoringPolicy policy;
  for (const ChangeCase& c : cases) {
    SCOPED_TRACE(c.name);
    const OutcomeChange change =
        ComputeOutcomeChange({static_cast<int>(c.baseline), 20.0},
                             {static_cast<int>(c.follow_up), 20.0}, policy);
    ExpectChange(c, change.nprs);
  }
}

TEST(OutcomeChange, OdiNeedsTenPointsOrThirtyPercent) {
  const ChangeCase cases[] = {
      {"exactly 10 points (20 %)", 50, 40, -20.0, true},
      {"8 points, 16 %", 50, 42, -16.0, false},
      {"exactly 30 % (6 points)", 20, 14, -30.0, true},
      {"exactly 30 % (9 points)", 30, 21, -30.0, true},
      {"8 points, 26.7 %", 30, 22, -100.0 * 8 / 30, false},
      {"worse", 30, 44, 100.0 * 14 / 30, false},
      {"baseline 0", 0, 0, std::nullopt, false},
  };
  const ScoringPolicy policy;
  for (const ChangeCase& c : cases) {
    SCOPED_TRACE(c.name);
    const OutcomeChange change =
        ComputeOutcomeChange({5, c.baseline}, {5, c.follow_up}, policy);
    ASSERT_TRUE(change.odi.has_value());
    ExpectChange(c, *change.odi);
  }
}

TEST(OutcomeChange, OdiOnlyWhenBothAreScorable) {
  const ScoringPolicy policy;
  EXPECT_FALSE(ComputeOutcomeChange({5, std::nullopt}, {3, 20.0}, policy)
                   .odi.has_value());
  EXPECT_FALSE(ComputeOutcomeChange({5, 40.0}, {3, std::nullopt}, policy)
                   .odi.has_value());
  EXPECT_TRUE(
      ComputeOutcomeChange({5, 40.0}, {3, 20.0}, policy).odi.has_value());
}

TEST(OutcomeChange, ThresholdReachedDespiteFloatingPointNoise) {
  // 16/45 is not exact in binary; a 10-point drop must still count.
  const double baseline = 100.0 * 16 / 45;
  const MeasureChange change =
      ComputeMeasureChange(baseline, baseline - 10.0, {10.0, 30.0});
  EXPECT_TRUE(change.important_improvement);
  const MeasureChange thirty_percent =
      ComputeMeasureChange(baseline, baseline * 0.7, {100.0, 30.0});
  EXPECT_TRUE(thirty_percent.important_improvement);
  const MeasureChange just_short =
      ComputeMeasureChange(baseline, baseline - 9.9, {10.0, 30.0});
  EXPECT_FALSE(just_short.important_improvement);
}

TEST(OutcomeChange, NoChangeOrWorseNeverCountsEvenWithZeroThresholds) {
  EXPECT_FALSE(ComputeMeasureChange(5, 5, {0.0, 0.0}).important_improvement);
  EXPECT_FALSE(ComputeMeasureChange(5, 6, {0.0, 0.0}).important_improvement);
  EXPECT_TRUE(ComputeMeasureChange(5, 4, {0.0, 0.0}).important_improvement);
}

TEST(OutcomeChange, ThresholdsComeFromPolicy) {
  ScoringPolicy policy;
  policy.nprs_important_change = {3.0, 50.0};
  policy.odi_important_change = {15.0, 40.0};
  const OutcomeChange change =
      ComputeOutcomeChange({8, 50.0}, {6, 40.0}, policy);
  EXPECT_FALSE(change.nprs.important_improvement);
  ASSERT_TRUE(change.odi.has_value());
  EXPECT_FALSE(change.odi->important_improvement);
  const OutcomeChange bigger =
      ComputeOutcomeChange({8, 50.0}, {4, 30.0}, policy);
  EXPECT_TRUE(bigger.nprs.important_improvement);  // 50 %
  EXPECT_TRUE(bigger.odi->important_improvement);  // 20 points
}

}  // namespace
}  // namespace corebalance::intake
