#include "services/intake/rules/chronicity.h"

#include <string>

#include "gtest/gtest.h"

namespace corebalance::intake {
namespace {

constexpr absl::CivilDay kAssessedOn{2024, 3, 1};

struct DaysCase {
  int days_since_onset;
  Chronicity expected;
};

TEST(Chronicity, FromOnsetDateUsesTheReferenceEdges) {
  const DaysCase cases[] = {
      {0, Chronicity::kAcute},       // onset today
      {41, Chronicity::kAcute},      // 6 weeks less a day
      {42, Chronicity::kSubacute},   // exactly 6 weeks
      {84, Chronicity::kSubacute},   // exactly 12 weeks
      {85, Chronicity::kChronic},    // 12 weeks and a day
      {3650, Chronicity::kChronic},  // years
  };
  const ScoringPolicy policy;
  for (const DaysCase& c : cases) {
    SCOPED_TRACE(c.days_since_onset);
    EXPECT_EQ(DeriveChronicity(kAssessedOn, kAssessedOn - c.days_since_onset,
                               std::nullopt, policy),
              c.expected);
  }
}

TEST(Chronicity, CountsCalendarDaysAcrossFebruaryOfALeapYear) {
  // 2024-01-05 .. 2024-03-29 is 84 days only because February has 29.
  const ScoringPolicy policy;
  EXPECT_EQ(DeriveChronicity(absl::CivilDay(2024, 3, 29),
                             absl::CivilDay(2024, 1, 5), std::nullopt, policy),
            Chronicity::kSubacute);
  EXPECT_EQ(DeriveChronicity(absl::CivilDay(2024, 3, 30),
                             absl::CivilDay(2024, 1, 5), std::nullopt, policy),
            Chronicity::kChronic);
}

struct WeeksCase {
  int weeks;
  Chronicity expected;
};

TEST(Chronicity, FromDurationInWeeksUsesTheSameEdges) {
  const WeeksCase cases[] = {
      {0, Chronicity::kAcute},    {5, Chronicity::kAcute},
      {6, Chronicity::kSubacute}, {12, Chronicity::kSubacute},
      {13, Chronicity::kChronic}, {520, Chronicity::kChronic},
  };
  const ScoringPolicy policy;
  for (const WeeksCase& c : cases) {
    SCOPED_TRACE(c.weeks);
    EXPECT_EQ(DeriveChronicity(kAssessedOn, std::nullopt, c.weeks, policy),
              c.expected);
  }
}

TEST(Chronicity, OnsetDateWinsOverDurationWeeks) {
  EXPECT_EQ(DeriveChronicity(kAssessedOn, kAssessedOn - 10, 20, {}),
            Chronicity::kAcute);
}

TEST(Chronicity, UnknownWithoutOnsetOrDuration) {
  EXPECT_EQ(DeriveChronicity(kAssessedOn, std::nullopt, std::nullopt, {}),
            std::nullopt);
}

TEST(Chronicity, CutOffsComeFromPolicy) {
  ScoringPolicy acp;  // ACP: acute below 4 weeks
  acp.acute_below_weeks = 4;
  EXPECT_EQ(ChronicityForDays(27, acp), Chronicity::kAcute);
  EXPECT_EQ(ChronicityForDays(28, acp), Chronicity::kSubacute);
  EXPECT_EQ(ChronicityForWeeks(4, acp), Chronicity::kSubacute);

  ScoringPolicy three_months_is_13_weeks;
  three_months_is_13_weeks.chronic_above_weeks = 13;
  EXPECT_EQ(ChronicityForDays(91, three_months_is_13_weeks),
            Chronicity::kSubacute);
  EXPECT_EQ(ChronicityForDays(92, three_months_is_13_weeks),
            Chronicity::kChronic);
  EXPECT_EQ(ChronicityForWeeks(13, three_months_is_13_weeks),
            Chronicity::kSubacute);
}

TEST(Chronicity, Names) {
  EXPECT_EQ(ChronicityName(Chronicity::kAcute), "ACUTE");
  EXPECT_EQ(ChronicityName(Chronicity::kSubacute), "SUBACUTE");
  EXPECT_EQ(ChronicityName(Chronicity::kChronic), "CHRONIC");
}

}  // namespace
}  // namespace corebalance::intake
