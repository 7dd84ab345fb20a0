#include "services/progress/rules/recommend.h"

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/unit/progress/progress_test_support.h"

namespace corebalance::progress {
namespace {

using test_support::CatalogueDirectory;
using test_support::Session;
using test_support::Utc;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Sunday evening; the 14-day window is Mon 03 .. Sun 16 March, the 7-day
// window Mon 10 .. Sun 16.
constexpr absl::CivilDay kToday{2025, 3, 16};
const absl::Time kNow = Utc(kToday, 18);

const std::vector<std::string> kStability = {"bird-dog",  "dead-bug",
                                             "curl-up",   "side-bridge-knees",
                                             "clamshell", "walking"};

// A patient who has earned PROGRESS: Stability at 5/week for 20 days, 10
// GREEN sessions in the last 14 days with every exercise done, pain before
// 3 against an initial NPRS of 5.
RecommendationInput ReadyToProgress() {
  RecommendationInput input;
  input.latest_disposition = AssessmentDisposition::kProceed;
  input.initial_nprs_now = 5;
  input.active_periods = {{Utc(2025, 2, 24), absl::InfiniteFuture(), 5}};
  input.days_on_current_revision = 20;
  input.current_exercises = kStability;
  input.now = kNow;
  for (int i = 0; i < 10; ++i) {
    // Days 0, 1, 3, 4, 6, 7, 8, 10, 11, 13 before today.
    static constexpr int kDaysAgo[] = {0, 1, 3, 4, 6, 7, 8, 10, 11, 13};
    input.sessions.push_back(Session("s" + std::to_string(i),
                                     Utc(kToday - kDaysAgo[i], 9),
                                     TrafficLight::kGreen, 3, kStability));
  }
  return input;
}

Recommendation Decide(const RecommendationInput& input) {
  return Recommend(input, CatalogueDirectory());
}

std::string Explain(const Recommendation& r) {
  return std::string(RecommendationKindName(r.kind)) + ": " +
         absl::StrJoin(r.reasons, " | ");
}

void SetLight(RecommendationInput& input, int session, TrafficLight light) {
  input.sessions[session].light = light;
}

TEST(Recommend, ProgressesToTheNextPhase) {
  RecommendationInput input = ReadyToProgress();
  input.next_phase = PhaseRef{"strength-balance", "Strength & Balance"};
  const Recommendation r = Decide(input);
  ASSERT_EQ(r.kind, RecommendationKind::kProgress) << Explain(r);
  ASSERT_TRUE(r.next_phase.has_value());
  EXPECT_EQ(r.next_phase->slug, "strength-balance");
  EXPECT_THAT(r.reasons, Contains(HasSubstr("Strength & Balance phase")));
  EXPECT_THAT(r.reasons, Contains(HasSubstr("adherence 100 % over 14 days")));
  EXPECT_THAT(r.reasons, Contains(HasSubstr("all 10 sessions")));
  EXPECT_THAT(r.steps, IsEmpty());
}

TEST(Recommend, ProgressesEachExerciseWithoutANextPhase) {
  const Recommendation r = Decide(ReadyToProgress());
  ASSERT_EQ(r.kind, RecommendationKind::kProgress) << Explain(r);
  EXPECT_EQ(r.next_phase, std::nullopt);
  ASSERT_EQ(r.steps.size(), kStability.size());
  EXPECT_EQ(r.steps[0].slug, "bird-dog");
  EXPECT_EQ(r.steps[0].to_slug, "front-plank");
  EXPECT_EQ(r.steps[3].slug, "side-bridge-knees");
  EXPECT_EQ(r.steps[3].to_slug, "side-plank");
  EXPECT_EQ(r.steps[5].slug, "walking");
  EXPECT_EQ(r.steps[5].to_slug, "");
  EXPECT_THAT(r.reasons,
              Contains(AllOf(HasSubstr("progress Bird dog to Front plank"),
                             HasSubstr("increase the dose of Progressive "
                                       "walking"))));
}

TEST(Recommend, ReferWinsOverEverything) {
  RecommendationInput input = ReadyToProgress();
  input.latest_disposition = AssessmentDisposition::kRefer;
  SetLight(input, 0, TrafficLight::kRed);
  SetLight(input, 1, TrafficLight::kRed);
  const Recommendation r = Decide(input);
  EXPECT_EQ(r.kind, RecommendationKind::kRefer) << Explain(r);
  EXPECT_THAT(r.reasons, ElementsAre(HasSubstr("red flag")));
}

TEST(Recommend, TwoRedSessionsInSevenDaysRegressWhatWasDoneInThem) {
  RecommendationInput input = ReadyToProgress();
  // Sessions 0 (today) and 4 (6 days ago) are RED; only some exercises done.
  SetLight(input, 0, TrafficLight::kRed);
  input.sessions[0].exercises_done = {"bird-dog", "walking"};
  SetLight(input, 4, TrafficLight::kRed);
  input.sessions[4].exercises_done = {"dead-bug", "bird-dog"};
  const Recommendation r = Decide(input);
  ASSERT_EQ(r.kind, RecommendationKind::kRegress) << Explain(r);
  ASSERT_EQ(r.steps.size(), 3u);
  // Oldest RED session first.
  EXPECT_EQ(r.steps[0].slug, "dead-bug");
  EXPECT_EQ(r.steps[0].to_slug, "breathing-brace");
  EXPECT_EQ(r.steps[1].slug, "bird-dog");
  EXPECT_EQ(r.steps[1].to_slug, "cat-camel");
  EXPECT_EQ(r.steps[2].slug, "walking");
  EXPECT_EQ(r.steps[2].to_slug, "");
  ASSERT_FALSE(r.reasons.empty());
  EXPECT_THAT(r.reasons[0], HasSubstr("2 RED sessions in the last 7 days: "));
  EXPECT_THAT(r.reasons[0], HasSubstr("regress Bird dog to Cat-camel"));
  EXPECT_THAT(r.reasons[0],
              HasSubstr("regress Dead bug to Diaphragmatic breathing"));
  EXPECT_THAT(r.reasons[0],
              HasSubstr("reduce the dose of Progressive walking"));
}

TEST(Recommend, OneRedSessionHoldsInstead) {
  RecommendationInput input = ReadyToProgress();
  SetLight(input, 0, TrafficLight::kRed);
  const Recommendation r = Decide(input);
  EXPECT_EQ(r.kind, RecommendationKind::kHold) << Explain(r);
  EXPECT_THAT(r.reasons, ElementsAre(HasSubstr("1 RED of 10 sessions")));
}

TEST(Recommend, RedSessionsCountOnlyInTheLastSevenDays) {
  RecommendationInput input = ReadyToProgress();
  // Session 4 is 6 days ago (in), session 5 is 7 days ago (out).
  SetLight(input, 4, TrafficLight::kRed);
  SetLight(input, 5, TrafficLight::kRed);
  EXPECT_EQ(Decide(input).kind, RecommendationKind::kHold);
  SetLight(input, 0, TrafficLight::kRed);
  EXPECT_EQ(Decide(input).kind, RecommendationKind::kRegress);
}

TEST(Recommend, WorseningPainRegressesEvenWhenEverythingElseIsGreen) {
  RecommendationInput input = ReadyToProgress();
  // Pain before in the last 7 days: 5 sessions. Initial NPRS 5, so an
  // average of 7 is the clinically important worsening.
  for (SessionRecord& session : input.sessions) session.pain_before = 7;
  const Recommendation worse = Decide(input);
  ASSERT_EQ(worse.kind, RecommendationKind::kRegress) << Explain(worse);
  EXPECT_THAT(worse.reasons[0], HasSubstr("average pain before exercise 7.0"));
  EXPECT_THAT(worse.reasons[0], HasSubstr("initial NPRS 5 + 2"));
  // Only the GREEN sessions' exercises exist, so those of the last 7 days
  // are the ones to regress.
  EXPECT_EQ(worse.steps.size(), kStability.size());

  // One point less on one session: 34/5 = 6.8 < 7.
  input.sessions[0].pain_before = 6;
  EXPECT_EQ(Decide(input).kind, RecommendationKind::kProgress);
}

TEST(Recommend, FourteenDaysOnTheRevisionAreNeeded) {
  RecommendationInput input = ReadyToProgress();
  input.days_on_current_revision = 14;
  EXPECT_EQ(Decide(input).kind, RecommendationKind::kProgress);
  input.days_on_current_revision = 13;
  const Recommendation r = Decide(input);
  EXPECT_EQ(r.kind, RecommendationKind::kHold);
  EXPECT_THAT(r.reasons,
              ElementsAre("13 days on the current plan revision (progress "
                          "needs 14)"));
}

TEST(Recommend, EightyPercentAdherenceIsNeeded) {
  // 5/week over 14 days prescribes 10: 8 logged is 80 %, 7 is 70 %.
  RecommendationInput input = ReadyToProgress();
  input.sessions.resize(8);
  EXPECT_EQ(Decide(input).kind, RecommendationKind::kProgress);
  input.sessions.resize(7);
  const Recommendation r = Decide(input);
  EXPECT_EQ(r.kind, RecommendationKind::kHold);
  EXPECT_THAT(r.reasons,
              ElementsAre(HasSubstr("adherence 70 % over 14 days, 7 of 10 "
                                    "sessions (progress needs 80 %)")));
}

TEST(Recommend, AdherenceJustBelowEightyShowsRoundedDown) {
  // Daily plan: 14 prescribed, 11 logged = 78.6 % -> "78 %"; 12 = 85 %.
  RecommendationInput input = ReadyToProgress();
  input.active_periods = {{Utc(2025, 2, 24), absl::InfiniteFuture(), 7}};
  input.sessions.clear();
  for (int i = 0; i < 12; ++i) {
    input.sessions.push_back(Session("d" + std::to_string(i),
                                     Utc(kToday - i, 9), TrafficLight::kGreen,
                                     3, kStability));
  }
  EXPECT_EQ(Decide(input).kind, RecommendationKind::kProgress);
  input.sessions.resize(11);
  const Recommendation r = Decide(input);
  EXPECT_EQ(r.kind, RecommendationKind::kHold);
  EXPECT_THAT(r.reasons, ElementsAre(HasSubstr("adherence 78 % over 14 days")));
}

TEST(Recommend, HoldSaysAdherence64Percent) {
  RecommendationInput input = ReadyToProgress();
  input.active_periods = {{Utc(2025, 2, 24), absl::InfiniteFuture(), 7}};
  input.sessions.clear();
  for (int i = 0; i < 9; ++i) {
    input.sessions.push_back(Session("d" + std::to_string(i),
                                     Utc(kToday - i, 9), TrafficLight::kGreen,
                                     3, kStability));
  }
  const Recommendation r = Decide(input);
  EXPECT_EQ(r.kind, RecommendationKind::kHold);
  EXPECT_THAT(r.reasons, ElementsAre(HasSubstr("adherence 64 % over 14 days")));
}

TEST(Recommend, OneAmberSessionBlocksProgress) {
  RecommendationInput input = ReadyToProgress();
  SetLight(input, 9, TrafficLight::kAmber);  // 13 days ago, still in window
  const Recommendation r = Decide(input);
  EXPECT_EQ(r.kind, RecommendationKind::kHold);
  EXPECT_THAT(r.reasons,
              ElementsAre("1 AMBER of 10 sessions in the last 14 days "
                          "(progress needs every session GREEN)"));
}

TEST(Recommend, AmberOutsideTheWindowDoesNotBlock) {
  RecommendationInput input = ReadyToProgress();
  input.sessions.push_back(
      Session("old", Utc(kToday - 14, 9), TrafficLight::kAmber, 3, kStability));
  EXPECT_EQ(Decide(input).kind, RecommendationKind::kProgress);
}

TEST(Recommend, NinetyPercentOfExercisesMustBeDone) {
  // 10 sessions x 10 exercises = 100: 90 done progresses, 89 holds.
  RecommendationInput input = ReadyToProgress();
  const std::vector<std::string> nine(9, "bird-dog");
  for (SessionRecord& session : input.sessions) {
    session.exercises_done = nine;
    session.exercises_skipped = {"dead-bug"};
  }
  EXPECT_EQ(Decide(input).kind, RecommendationKind::kProgress);
  input.sessions[0].exercises_done.pop_back();
  input.sessions[0].exercises_skipped.push_back("curl-up");
  const Recommendation r = Decide(input);
  EXPECT_EQ(r.kind, RecommendationKind::kHold);
  EXPECT_THAT(r.reasons,
              ElementsAre("89 % of prescribed exercises completed (89 of "
                          "100) (progress needs 90 %)"));
}

TEST(Recommend, HoldListsEveryUnmetCondition) {
  RecommendationInput input = ReadyToProgress();
  input.days_on_current_revision = 3;
  input.sessions.resize(2);
  SetLight(input, 1, TrafficLight::kAmber);
  input.sessions[1].exercises_done.clear();
  input.sessions[1].exercises_skipped = {"walking"};  // 6 of 7 done
  const Recommendation r = Decide(input);
  EXPECT_EQ(r.kind, RecommendationKind::kHold);
  EXPECT_EQ(r.reasons.size(), 4u) << Explain(r);
}

TEST(Recommend, NoSessionsAndNoPrescriptionHold) {
  RecommendationInput input = ReadyToProgress();
  input.sessions.clear();
  input.active_periods.clear();
  const Recommendation r = Decide(input);
  EXPECT_EQ(r.kind, RecommendationKind::kHold);
  EXPECT_THAT(r.reasons, ElementsAre(HasSubstr("no sessions prescribed"),
                                     HasSubstr("no sessions logged")));
}

TEST(Recommend, PolicyValuesAreConfigurable) {
  RecommendationInput input = ReadyToProgress();
  input.days_on_current_revision = 10;
  RecommendationPolicy policy;
  policy.progress_min_days_on_revision = 10;
  EXPECT_EQ(Recommend(input, CatalogueDirectory(), policy).kind,
            RecommendationKind::kProgress);
  SetLight(input, 0, TrafficLight::kRed);
  policy.regress_red_sessions_at_least = 1;
  EXPECT_EQ(Recommend(input, CatalogueDirectory(), policy).kind,
            RecommendationKind::kRegress);
}

TEST(Recommend, UnknownExercisesAreNamedBySlug) {
  RecommendationInput input = ReadyToProgress();
  SetLight(input, 0, TrafficLight::kRed);
  SetLight(input, 1, TrafficLight::kRed);
  input.sessions[0].exercises_done = {"custom-move"};
  input.sessions[1].exercises_done = {"custom-move"};
  const Recommendation r = Decide(input);
  ASSERT_EQ(r.kind, RecommendationKind::kRegress);
  ASSERT_EQ(r.steps.size(), 1u);
  EXPECT_EQ(r.steps[0].name, "custom-move");
  EXPECT_THAT(r.reasons[0], HasSubstr("reduce the dose of custom-move"));
}

}  // namespace
}  // namespace corebalance::progress
