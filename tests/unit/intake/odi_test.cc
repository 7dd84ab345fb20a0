#include "services/intake/rules/odi.h"

#include <optional>
#include <string>
#include <vector>

#include "assessment_examples.h"
#include "gtest/gtest.h"
#include "services/intake/rules/rounding.h"
#include "services/intake/rules/scoring_policy.h"

namespace corebalance::intake {
namespace {

using examples::OdiWithSum;

struct ScoreCase {
  std::string name;
  std::vector<std::optional<int>> sections;
  int expected_answered;
  int expected_sum;
  std::optional<double> expected_percent;  // sum / (5 x answered) x 100
};

TEST(Odi, PercentIsSumOverFiveTimesAnswered) {
  const ScoreCase cases[] = {
      {"all ten answered is sum x 2", OdiWithSum(16, 10), 10, 16, 32.0},
      {"nine answered", OdiWithSum(16, 9), 9, 16, 100.0 * 16 / 45},
      {"seven answered is the least scorable", OdiWithSum(14, 7), 7, 14,
       100.0 * 14 / 35},
      {"six answered is not scorable", OdiWithSum(12, 6), 6, 12, std::nullopt},
      {"none answered", OdiWithSum(0, 0), 0, 0, std::nullopt},
      {"all zero", OdiWithSum(0, 10), 10, 0, 0.0},
      {"all five", OdiWithSum(50, 10), 10, 50, 100.0},
      {"gaps anywhere",
       {5, std::nullopt, 0, 4, std::nullopt, 3, 2, 1, std::nullopt, 5},
       7,
       20,
       100.0 * 20 / 35},
  };
  for (const ScoreCase& c : cases) {
    SCOPED_TRACE(c.name);
    const OdiScore score =
        ScoreOdi(c.sections, ScoringPolicy{}.min_odi_sections);
    EXPECT_EQ(score.sections_answered, c.expected_answered);
    EXPECT_EQ(score.raw_sum, c.expected_sum);
    EXPECT_EQ(score.scorable(), c.expected_percent.has_value());
    if (c.expected_percent.has_value()) {
      ASSERT_TRUE(score.percent.has_value());
      EXPECT_DOUBLE_EQ(*score.percent, *c.expected_percent);
      ASSERT_TRUE(score.band.has_value());
      EXPECT_EQ(*score.band, OdiBandFor(*c.expected_percent));
    } else {
      EXPECT_FALSE(score.percent.has_value());
      EXPECT_FALSE(score.band.has_value());
    }
  }
}

TEST(Odi, ReferenceExampleSixteenOfFortyFiveShowsAs35Point6) {
  const OdiScore score = ScoreOdi(OdiWithSum(16, 9), 7);
  ASSERT_TRUE(score.percent.has_value());
  EXPECT_EQ(RoundToOneDecimal(*score.percent), 35.6);
  EXPECT_NE(*score.percent, 35.6);  // stored exactly, rounded for display
  EXPECT_EQ(score.band, OdiBand::kModerate);
}

TEST(Odi, MinimumSectionsComesFromPolicy) {
  EXPECT_FALSE(ScoreOdi(OdiWithSum(16, 9), 10).scorable());
  EXPECT_TRUE(ScoreOdi(OdiWithSum(16, 10), 10).scorable());
  EXPECT_TRUE(ScoreOdi(OdiWithSum(6, 6), 6).scorable());
}

struct BandCase {
  double percent;
  OdiBand expected;
};

TEST(Odi, BandsHaveInclusiveUpperBounds) {
  const BandCase cases[] = {
      {0, OdiBand::kMinimal},     {20, OdiBand::kMinimal},
      {20.5, OdiBand::kModerate}, {40, OdiBand::kModerate},
      {40.1, OdiBand::kSevere},   {60, OdiBand::kSevere},
      {60.1, OdiBand::kCrippled}, {80, OdiBand::kCrippled},
      {80.5, OdiBand::kBedBound}, {100, OdiBand::kBedBound},
  };
  for (const BandCase& c : cases) {
    SCOPED_TRACE(c.percent);
    EXPECT_EQ(OdiBandFor(c.percent), c.expected);
  }
}

struct ReachedBandCase {
  int sum;
  int answered;
  OdiBand expected;
};

TEST(Odi, BandEdgesReachedFromAnswersAreExact) {
  const ReachedBandCase cases[] = {
      {10, 10, OdiBand::kMinimal},   // 20 %
      {9, 9, OdiBand::kMinimal},     // 9/45 = 20 %
      {7, 7, OdiBand::kMinimal},     // 7/35 = 20 %
      {11, 10, OdiBand::kModerate},  // 22 %
      {20, 10, OdiBand::kModerate},  // 40 %
      {18, 9, OdiBand::kModerate},   // 40 %
      {21, 10, OdiBand::kSevere},    // 42 %
      {30, 10, OdiBand::kSevere},    // 60 %
      {21, 7, OdiBand::kSevere},     // 60 %
      {31, 10, OdiBand::kCrippled},  // 62 %
      {40, 10, OdiBand::kCrippled},  // 80 %
      {36, 9, OdiBand::kCrippled},   // 80 %
      {41, 10, OdiBand::kBedBound},  // 82 %
  };
  for (const ReachedBandCase& c : cases) {
    SCOPED_TRACE(::testing::Message() << c.sum << "/" << c.answered * 5);
    EXPECT_EQ(ScoreOdi(OdiWithSum(c.sum, c.answered), 7).band, c.expected);
  }
}

TEST(Odi, BandNames) {
  EXPECT_EQ(OdiBandName(OdiBand::kMinimal), "MINIMAL");
  EXPECT_EQ(OdiBandName(OdiBand::kModerate), "MODERATE");
  EXPECT_EQ(OdiBandName(OdiBand::kSevere), "SEVERE");
  EXPECT_EQ(OdiBandName(OdiBand::kCrippled), "CRIPPLED");
  EXPECT_EQ(OdiBandName(OdiBand::kBedBound), "BED_BOUND");
  EXPECT_EQ(OdiBandDescription(OdiBand::kBedBound),
            "bed-bound or exaggerating symptoms");
}

TEST(Rounding, OneDecimalForDisplay) {
  EXPECT_EQ(RoundToOneDecimal(100.0 * 16 / 45), 35.6);
  EXPECT_EQ(RoundToOneDecimal(100.0 * 20 / 35), 57.1);
  EXPECT_EQ(RoundToOneDecimal(42.0), 42.0);
  EXPECT_EQ(RoundToOneDecimal(-33.333), -33.3);
}

}  // namespace
}  // namespace corebalance::intake
