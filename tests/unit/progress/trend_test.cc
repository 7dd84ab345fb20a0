#include "services/progress/rules/trend.h"

#include <vector>

#include "gtest/gtest.h"
#include "tests/unit/progress/progress_test_support.h"

namespace corebalance::progress {
namespace {

using test_support::Utc;

constexpr absl::CivilDay kStart{2025, 3, 3};

// One point a day at 09:00 from kStart.
std::vector<PainPoint> Daily(std::vector<int> pains) {
  std::vector<PainPoint> points;
  for (size_t i = 0; i < pains.size(); ++i) {
    points.push_back({Utc(kStart + static_cast<int>(i), 9), pains[i]});
  }
  return points;
}

TEST(PainSlopePerWeek, FlatRisingFalling) {
  struct Case {
    const char* what;
    std::vector<int> pains;
    double per_week;
  };
  const Case cases[] = {
      {"flat", {4, 4, 4, 4, 4}, 0.0},
      {"rising a point a day", {1, 2, 3, 4, 5}, 7.0},
      {"falling a point every other day", {6, 6, 5, 5, 4, 4, 3}, -3.5},
      {"noisy: least squares through (0,1) (1,3) (2,2)", {1, 3, 2}, 3.5},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const std::optional<double> slope = PainSlopePerWeek(Daily(c.pains));
    ASSERT_TRUE(slope.has_value());
    EXPECT_NEAR(*slope, c.per_week, 1e-9);
  }
}

TEST(PainSlopePerWeek, OrderOfPointsDoesNotMatter) {
  std::vector<PainPoint> points = Daily({2, 3, 5, 4, 6});
  const std::optional<double> sorted = PainSlopePerWeek(points);
  std::swap(points[0], points[4]);
  std::swap(points[1], points[3]);
  ASSERT_TRUE(sorted.has_value());
  EXPECT_NEAR(*PainSlopePerWeek(points), *sorted, 1e-9);
}

TEST(PainSlopePerWeek, NeedsTwoDistinctMoments) {
  EXPECT_EQ(PainSlopePerWeek({}), std::nullopt);
  EXPECT_EQ(PainSlopePerWeek(Daily({5})), std::nullopt);
  const std::vector<PainPoint> same_moment = {{Utc(2025, 3, 3, 9), 2},
                                              {Utc(2025, 3, 3, 9), 6}};
  EXPECT_EQ(PainSlopePerWeek(same_moment), std::nullopt);
}

TEST(PainSlopePerWeek, NeedsADaysSpreadNotMinutes) {
  // Three sessions in one morning say nothing about a weekly trend.
  const std::vector<PainPoint> one_morning = {{Utc(2025, 3, 3, 9), 2},
                                              {Utc(2025, 3, 3, 10), 5},
                                              {Utc(2025, 3, 3, 11), 8}};
  EXPECT_EQ(PainSlopePerWeek(one_morning), std::nullopt);
  const std::vector<PainPoint> a_day_apart = {{Utc(2025, 3, 3, 9), 2},
                                              {Utc(2025, 3, 4, 9), 3}};
  ASSERT_TRUE(PainSlopePerWeek(a_day_apart).has_value());
  EXPECT_NEAR(*PainSlopePerWeek(a_day_apart), 7.0, 1e-9);
}

TEST(SummarizePainTrend, NoPoints) {
  const PainTrend trend = SummarizePainTrend({}, 4, Utc(2025, 3, 16, 12));
  EXPECT_EQ(trend.points, 0);
  EXPECT_EQ(trend.slope_per_week, std::nullopt);
  EXPECT_EQ(trend.recent_average, std::nullopt);
  EXPECT_EQ(trend.baseline, 4);
  EXPECT_FALSE(trend.worsened);
}

TEST(SummarizePainTrend, OnePoint) {
  const PainTrend trend =
      SummarizePainTrend(Daily({6}), 4, Utc(2025, 3, 5, 12));
  EXPECT_EQ(trend.points, 1);
  EXPECT_EQ(trend.slope_per_week, std::nullopt);
  EXPECT_EQ(trend.recent_average, 6.0);
  EXPECT_EQ(trend.change_from_baseline, 2.0);
  EXPECT_TRUE(trend.worsened);
}

TEST(SummarizePainTrend, RecentAverageUsesTheLastSevenUtcDays) {
  // 03..16 March; now Sunday 16th: the window is 10..16.
  const std::vector<PainPoint> points =
      Daily({9, 9, 9, 9, 9, 9, 9, 3, 3, 4, 4, 5, 5, 6});
  const PainTrend trend = SummarizePainTrend(points, 2, Utc(2025, 3, 16, 20));
  EXPECT_EQ(trend.recent_window.first, absl::CivilDay(2025, 3, 10));
  EXPECT_EQ(trend.recent_points, 7);
  EXPECT_NEAR(*trend.recent_average, 30.0 / 7.0, 1e-9);
  EXPECT_EQ(trend.points, 14);
}

TEST(SummarizePainTrend, WorsenedAtExactlyBaselinePlusTwo) {
  const absl::Time now = Utc(2025, 3, 5, 20);
  // Baseline 4: average 6 is worse, 17/3 = 5.67 is not.
  EXPECT_TRUE(SummarizePainTrend(Daily({6, 6, 6}), 4, now).worsened);
  EXPECT_TRUE(SummarizePainTrend(Daily({5, 6, 7}), 4, now).worsened);
  EXPECT_FALSE(SummarizePainTrend(Daily({5, 6, 6}), 4, now).worsened);
  // No baseline, nothing to be worse than.
  EXPECT_FALSE(
      SummarizePainTrend(Daily({9, 9, 9}), std::nullopt, now).worsened);
  // The policy sets the change.
  EXPECT_TRUE(SummarizePainTrend(Daily({5, 6, 6}), 4, now,
                                 {.recent_days = 7, .worsening_points = 1})
                  .worsened);
}

TEST(SummarizePainTrend, IgnoresPointsAfterNow) {
  const PainTrend trend =
      SummarizePainTrend(Daily({2, 2, 10}), 2, Utc(2025, 3, 4, 20));
  EXPECT_EQ(trend.points, 2);
  EXPECT_EQ(trend.recent_average, 2.0);
  EXPECT_FALSE(trend.worsened);
}

}  // namespace
}  // namespace corebalance::progress
