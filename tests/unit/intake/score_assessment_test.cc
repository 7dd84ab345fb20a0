#include "services/intake/rules/score_assessment.h"

#include "absl/status/status.h"
#include "assessment_examples.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/intake/rules/rounding.h"

namespace corebalance::intake {
namespace {

using examples::MinimalFollowUp;
using examples::OdiWithSum;
using examples::StartBackCodes;
using examples::ValidInitial;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

TEST(ScoreAssessment, TypicalChronicIntakeProceedsAtStandardDose) {
  AssessmentInput input = ValidInitial();
  input.odi_sections = OdiWithSum(16, 9);                      // 35.6 %
  input.start_back_answers = StartBackCodes({1, 2, 5, 6}, 1);  // 4, sub 2

  const absl::StatusOr<AssessmentScores> scores =
      ScoreAssessment(input, ScoringPolicy{});
  ASSERT_TRUE(scores.ok()) << scores.status();
  EXPECT_EQ(scores->chronicity, Chronicity::kChronic);  // onset 200 days ago
  EXPECT_EQ(scores->odi.sections_answered, 9);
  ASSERT_TRUE(scores->odi.percent.has_value());
  EXPECT_EQ(RoundToOneDecimal(*scores->odi.percent), 35.6);
  EXPECT_EQ(scores->odi.band, OdiBand::kModerate);
  ASSERT_TRUE(scores->start_back.has_value());
  EXPECT_EQ(scores->start_back->total, 4);
  EXPECT_EQ(scores->start_back->psychosocial, 2);
  EXPECT_EQ(scores->start_back->risk, StartBackRisk::kMedium);
  EXPECT_EQ(scores->disposition.disposition, Disposition::kProceed);
  EXPECT_THAT(scores->disposition.advice, IsEmpty());
  EXPECT_EQ(scores->starting_plan.phase, ProgramPhase::kFoundation);
  EXPECT_EQ(scores->starting_plan.dose, DoseLevel::kStandard);
  EXPECT_EQ(scores->measures.nprs_now, input.nprs_now);
  EXPECT_EQ(scores->measures.odi_percent, scores->odi.percent);
}

TEST(ScoreAssessment, DisabledHighRiskPatientStartsReducedWithYellowFlags) {
  AssessmentInput input = ValidInitial();
  input.odi_sections = OdiWithSum(21);  // 42 %
  input.start_back_answers = StartBackCodes({5, 6, 7, 8}, 4);

  const absl::StatusOr<AssessmentScores> scores =
      ScoreAssessment(input, ScoringPolicy{});
  ASSERT_TRUE(scores.ok()) << scores.status();
  EXPECT_EQ(scores->odi.band, OdiBand::kSevere);
  EXPECT_EQ(scores->start_back->risk, StartBackRisk::kHigh);
  EXPECT_EQ(scores->disposition.disposition, Disposition::kProceed);
  EXPECT_THAT(scores->disposition.advice, SizeIs(1));
  EXPECT_EQ(scores->starting_plan.dose, DoseLevel::kReduced);
  EXPECT_THAT(scores->starting_plan.reasons,
              Contains(HasSubstr("ODI 42 % is above 40 %")));
  EXPECT_THAT(scores->starting_plan.reasons,
              Contains(HasSubstr("STarT Back high risk")));
}

TEST(ScoreAssessment, RedFlagRefersButStillScores) {
  AssessmentInput input = ValidInitial();
  input.red_flags = {RedFlag::kBowelIncontinence};
  const absl::StatusOr<AssessmentScores> scores =
      ScoreAssessment(input, ScoringPolicy{});
  ASSERT_TRUE(scores.ok()) << scores.status();
  EXPECT_EQ(scores->disposition.disposition, Disposition::kRefer);
  EXPECT_THAT(scores->disposition.reasons,
              ElementsAre(HasSubstr("bowel incontinence (possible cauda "
                                    "equina)")));
  EXPECT_TRUE(scores->odi.scorable());
}

TEST(ScoreAssessment, MinimalFollowUpHasNoChronicityOrStartBack) {
  const absl::StatusOr<AssessmentScores> scores =
      ScoreAssessment(MinimalFollowUp(), ScoringPolicy{});
  ASSERT_TRUE(scores.ok()) << scores.status();
  EXPECT_EQ(scores->chronicity, std::nullopt);
  EXPECT_EQ(scores->start_back, std::nullopt);
  EXPECT_EQ(scores->disposition.disposition, Disposition::kProceed);
}

TEST(ScoreAssessment, PolicyReachesEveryRule) {
  AssessmentInput input = ValidInitial();
  input.pain_onset_date = input.assessed_on - 30;
  input.odi_sections = OdiWithSum(16, 9);
  ScoringPolicy policy;
  policy.acute_below_weeks = 4;
  policy.min_odi_sections = 10;
  const absl::StatusOr<AssessmentScores> scores =
      ScoreAssessment(input, policy);
  ASSERT_TRUE(scores.ok()) << scores.status();
  EXPECT_EQ(scores->chronicity, Chronicity::kSubacute);
  EXPECT_FALSE(scores->odi.scorable());
}

TEST(ScoreAssessment, InvalidInputIsInvalidArgumentNamingTheFields) {
  AssessmentInput input = ValidInitial();
  input.nprs_now = 11;
  input.odi_sections[3] = 6;
  const absl::StatusOr<AssessmentScores> scores =
      ScoreAssessment(input, ScoringPolicy{});
  EXPECT_EQ(scores.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(scores.status().message(),
            "assessment.nprs_now: must be between 0 and 10, got 11; "
            "assessment.odi_sections[3]: must be between 0 and 5, got 6");
}

TEST(ScoreAssessment, FollowUpComparedWithInitial) {
  AssessmentInput initial = ValidInitial();
  initial.nprs_now = 6;
  initial.odi_sections = OdiWithSum(20);  // 40 %
  AssessmentInput follow_up = MinimalFollowUp();
  follow_up.nprs_now = 4;
  follow_up.odi_sections = OdiWithSum(16);  // 32 %

  const ScoringPolicy policy;
  const absl::StatusOr<AssessmentScores> before =
      ScoreAssessment(initial, policy);
  const absl::StatusOr<AssessmentScores> after =
      ScoreAssessment(follow_up, policy);
  ASSERT_TRUE(before.ok() && after.ok());
  const OutcomeChange change =
      ComputeOutcomeChange(before->measures, after->measures, policy);
  EXPECT_EQ(change.nprs.absolute_change, -2);
  EXPECT_TRUE(change.nprs.important_improvement);
  ASSERT_TRUE(change.odi.has_value());
  EXPECT_EQ(change.odi->absolute_change, -8);
  EXPECT_DOUBLE_EQ(*change.odi->percent_change, -20.0);
  EXPECT_FALSE(change.odi->important_improvement);
}

}  // namespace
}  // namespace corebalance::intake
