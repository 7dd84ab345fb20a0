#include "services/intake/rules/starting_plan.h"

#include <optional>
#include <string>

#include "assessment_examples.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::intake {
namespace {

using examples::OdiWithSum;
using ::testing::Contains;
using ::testing::HasSubstr;

constexpr StartBackScore kLowRisk{2, 1, StartBackRisk::kLow};
constexpr StartBackScore kMediumRisk{5, 3, StartBackRisk::kMedium};
constexpr StartBackScore kHighRisk{5, 4, StartBackRisk::kHigh};

OdiScore Odi(int sum, int answered = 10) {
  return ScoreOdi(OdiWithSum(sum, answered), ScoringPolicy{}.min_odi_sections);
}

struct DoseCase {
  std::string name;
  OdiScore odi;
  std::optional<StartBackScore> start_back;
  DoseLevel expected;
  std::string expected_reason;  // one of the reasons contains it
};

TEST(StartingPlan, DoseIsReducedForOdiAbove40OrHighRisk) {
  const DoseCase cases[] = {
      {"ODI 40 low risk", Odi(20), kLowRisk, DoseLevel::kStandard,
       "ODI 40 % is at most 40 %"},
      {"ODI 40 medium risk", Odi(20), kMediumRisk, DoseLevel::kStandard,
       "standard dose"},
      {"ODI 42 low risk", Odi(21), kLowRisk, DoseLevel::kReduced,
       "ODI 42 % is above 40 %: reduced dose"},
      {"ODI 20 high risk", Odi(10), kHighRisk, DoseLevel::kReduced,
       "STarT Back high risk: reduced dose"},
      {"ODI 42 high risk", Odi(21), kHighRisk, DoseLevel::kReduced,
       "STarT Back high risk: reduced dose"},
      {"ODI 35.6 shows one decimal", Odi(16, 9), kLowRisk, DoseLevel::kStandard,
       "ODI 35.6 %"},
      {"unscorable ODI cannot reduce", Odi(30, 6), kLowRisk,
       DoseLevel::kStandard, "ODI not scorable (6 of 10 sections answered)"},
      {"no STarT Back", Odi(15), std::nullopt, DoseLevel::kStandard,
       "STarT Back not administered"},
      {"no STarT Back, ODI 42", Odi(21), std::nullopt, DoseLevel::kReduced,
       "reduced dose"},
  };
  for (const DoseCase& c : cases) {
    SCOPED_TRACE(c.name);
    const StartingPlan plan =
        RecommendStartingPlan(c.odi, c.start_back, ScoringPolicy{});
    EXPECT_EQ(plan.phase, ProgramPhase::kFoundation);
    EXPECT_EQ(plan.dose, c.expected);
    EXPECT_THAT(plan.reasons, Contains(HasSubstr(c.expected_reason)));
    EXPECT_THAT(plan.reasons,
                Contains("intake starts at the Foundation phase"));
  }
}

TEST(StartingPlan, BothReasonsWhenBothReduce) {
  const StartingPlan plan =
      RecommendStartingPlan(Odi(21), kHighRisk, ScoringPolicy{});
  EXPECT_THAT(plan.reasons, Contains(HasSubstr("ODI 42 % is above 40 %")));
  EXPECT_THAT(plan.reasons, Contains(HasSubstr("STarT Back high risk")));
  EXPECT_THAT(plan.reasons, ::testing::Not(Contains("standard dose")));
}

TEST(StartingPlan, ThresholdsComeFromPolicy) {
  ScoringPolicy policy;
  policy.reduced_dose_odi_above_percent = 30;
  EXPECT_EQ(RecommendStartingPlan(Odi(16), kLowRisk, policy).dose,
            DoseLevel::kReduced);  // 32 %
  EXPECT_EQ(RecommendStartingPlan(Odi(15), kLowRisk, policy).dose,
            DoseLevel::kStandard);  // 30 %

  ScoringPolicy ignore_start_back;
  ignore_start_back.reduce_dose_for_high_start_back = false;
  EXPECT_EQ(RecommendStartingPlan(Odi(10), kHighRisk, ignore_start_back).dose,
            DoseLevel::kStandard);

  ScoringPolicy start_at_stability;
  start_at_stability.starting_phase = ProgramPhase::kStability;
  EXPECT_EQ(RecommendStartingPlan(Odi(10), kLowRisk, start_at_stability).phase,
            ProgramPhase::kStability);
}

TEST(StartingPlan, Names) {
  EXPECT_EQ(ProgramPhaseName(ProgramPhase::kFoundation), "FOUNDATION");
  EXPECT_EQ(ProgramPhaseName(ProgramPhase::kStrengthAndBalance),
            "STRENGTH_AND_BALANCE");
  EXPECT_EQ(ProgramPhaseTitle(ProgramPhase::kStrengthAndBalance),
            "Strength & Balance");
  EXPECT_EQ(DoseLevelName(DoseLevel::kStandard), "STANDARD");
  EXPECT_EQ(DoseLevelName(DoseLevel::kReduced), "REDUCED");
}

}  // namespace
}  // namespace corebalance::intake
