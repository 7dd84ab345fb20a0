#include "services/progress/rules/traffic_light.h"

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::progress {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;

constexpr std::optional<int> kNone = std::nullopt;
constexpr TrafficLight kGreen = TrafficLight::kGreen;
constexpr TrafficLight kAmber = TrafficLight::kAmber;
constexpr TrafficLight kRed = TrafficLight::kRed;

struct LightCase {
  const char* what;
  SessionPain pain;
  std::optional<int> assessment;
  TrafficLight expected;
};

TEST(ClassifySession, AppliesTheReferenceRules) {
  const LightCase cases[] = {
      // Worst pain during, baseline 5 so only the fixed limits matter.
      {"during 5",
       {.pain_before = 5, .worst_during = 5, .after = 5},
       kNone,
       kGreen},
      {"during 6",
       {.pain_before = 5, .worst_during = 6, .after = 5},
       kNone,
       kAmber},
      {"during 7",
       {.pain_before = 5, .worst_during = 7, .after = 5},
       kNone,
       kAmber},
      {"during 8",
       {.pain_before = 5, .worst_during = 8, .after = 5},
       kNone,
       kRed},
      {"during 10",
       {.pain_before = 9, .worst_during = 10, .after = 9},
       kNone,
       kRed},
      // Pain after counts toward RED only.
      {"after 8",
       {.pain_before = 3, .worst_during = 3, .after = 8},
       kNone,
       kRed},
      {"after 7",
       {.pain_before = 3, .worst_during = 3, .after = 7},
       kNone,
       kGreen},
      // Baseline + 2 is still GREEN, + 3 is AMBER.
      {"baseline + 2",
       {.pain_before = 2, .worst_during = 4, .after = 4},
       kNone,
       kGreen},
      {"baseline + 3",
       {.pain_before = 2, .worst_during = 5, .after = 4},
       kNone,
       kAmber},
      {"no pain at all",
       {.pain_before = 0, .worst_during = 0, .after = 0},
       kNone,
       kGreen},
      // Missing pain before: the latest assessment is the baseline.
      {"assessment + 3", {.worst_during = 5, .after = 3}, 2, kAmber},
      {"assessment + 2", {.worst_during = 5, .after = 3}, 3, kGreen},
      {"pain before wins over the assessment",
       {.pain_before = 4, .worst_during = 5, .after = 3},
       1,
       kGreen},
      {"no baseline at all, during 5",
       {.worst_during = 5, .after = 2},
       kNone,
       kGreen},
      {"no baseline at all, during 6",
       {.worst_during = 6, .after = 2},
       kNone,
       kAmber},
      // 24 h pain against baseline + 2.
      {"24 h settled",
       {.pain_before = 2, .worst_during = 4, .after = 5, .pain_24h = 4},
       kNone,
       kGreen},
      {"24 h still baseline + 3",
       {.pain_before = 2, .worst_during = 4, .after = 5, .pain_24h = 5},
       kNone,
       kAmber},
      {"24 h against the assessment baseline",
       {.worst_during = 3, .after = 3, .pain_24h = 6},
       3,
       kAmber},
      {"24 h cannot lower a RED",
       {.pain_before = 2, .worst_during = 8, .after = 5, .pain_24h = 1},
       kNone,
       kRed},
      {"24 h of 9 is AMBER, not RED",
       {.pain_before = 2, .worst_during = 3, .after = 3, .pain_24h = 9},
       kNone,
       kAmber},
      // Leg pain or new neurological symptoms whatever the numbers.
      {"leg symptoms",
       {.pain_before = 1,
        .worst_during = 1,
        .after = 1,
        .leg_pain_or_new_neuro_symptoms = true},
       kNone,
       kRed},
  };
  for (const LightCase& c : cases) {
    SCOPED_TRACE(c.what);
    const absl::StatusOr<SessionClassification> result =
        ClassifySession(c.pain, c.assessment);
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(TrafficLightName(result->light), TrafficLightName(c.expected))
        << absl::StrJoin(result->reasons, "; ");
    EXPECT_FALSE(result->reasons.empty());
  }
}

TEST(ClassifySession, ReclassifiesWhenThe24HourPainArrives) {
  SessionPain pain{.pain_before = 3, .worst_during = 5, .after = 6};
  const absl::StatusOr<SessionClassification> first =
      ClassifySession(pain, std::nullopt);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->light, kGreen);
  EXPECT_THAT(first->reasons, Contains(HasSubstr("not reported yet")));

  pain.pain_24h = 6;
  const absl::StatusOr<SessionClassification> second =
      ClassifySession(pain, std::nullopt);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->light, kAmber);
  EXPECT_THAT(second->reasons,
              Contains(AllOf(HasSubstr("24 h"), HasSubstr("6/10"),
                             HasSubstr("baseline 3"))));
}

TEST(ClassifySession, SaysWhichBaselineItUsed) {
  const absl::StatusOr<SessionClassification> assessed =
      ClassifySession({.worst_during = 6, .after = 3}, 3);
  ASSERT_TRUE(assessed.ok());
  EXPECT_EQ(assessed->baseline, 3);
  EXPECT_EQ(assessed->baseline_source, BaselineSource::kAssessment);
  EXPECT_THAT(assessed->reasons,
              Contains(HasSubstr("baseline 3 (latest assessment)")));

  const absl::StatusOr<SessionClassification> own =
      ClassifySession({.pain_before = 1, .worst_during = 2, .after = 2}, 6);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->baseline, 1);
  EXPECT_EQ(own->baseline_source, BaselineSource::kPainBefore);

  const absl::StatusOr<SessionClassification> none =
      ClassifySession({.worst_during = 2, .after = 2}, std::nullopt);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->baseline, std::nullopt);
  EXPECT_EQ(none->baseline_source, BaselineSource::kNone);
  EXPECT_THAT(none->reasons, Contains(HasSubstr("no baseline")));
}

TEST(ClassifySession, RedReasonsNameEveryCause) {
  const absl::StatusOr<SessionClassification> result =
      ClassifySession({.pain_before = 4,
                       .worst_during = 9,
                       .after = 8,
                       .leg_pain_or_new_neuro_symptoms = true},
                      std::nullopt);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->light, kRed);
  EXPECT_THAT(result->reasons,
              ::testing::ElementsAre(HasSubstr("worst pain during 9/10"),
                                     HasSubstr("pain after 8/10"),
                                     HasSubstr("down the leg")));
}

TEST(ClassifySession, ThresholdsComeFromThePolicy) {
  const TrafficLightPolicy strict{.red_worst_during_at_least = 7,
                                  .red_after_at_least = 7,
                                  .amber_worst_during_at_least = 5,
                                  .amber_during_above_baseline_by_more_than = 1,
                                  .amber_24h_above_baseline_by_more_than = 1};
  const SessionPain seven{.pain_before = 6, .worst_during = 7, .after = 6};
  EXPECT_EQ(ClassifySession(seven, std::nullopt, strict)->light, kRed);
  EXPECT_EQ(ClassifySession(seven, std::nullopt)->light, kAmber);
  const SessionPain plus_two{.pain_before = 1, .worst_during = 3, .after = 1};
  EXPECT_EQ(ClassifySession(plus_two, std::nullopt, strict)->light, kAmber);
  EXPECT_EQ(ClassifySession(plus_two, std::nullopt)->light, kGreen);
}

struct InvalidCase {
  SessionPain pain;
  std::optional<int> assessment;
  const char* field;
};

TEST(ClassifySession, RejectsScoresOutsideZeroToTen) {
  const InvalidCase cases[] = {
      {{.pain_before = -1, .worst_during = 2, .after = 2},
       kNone,
       "pain_before"},
      {{.pain_before = 2, .worst_during = 11, .after = 2},
       kNone,
       "worst_during"},
      {{.pain_before = 2, .worst_during = 2, .after = -3}, kNone, "after"},
      {{.pain_before = 2, .worst_during = 2, .after = 2, .pain_24h = 12},
       kNone,
       "pain_24h"},
      {{.worst_during = 2, .after = 2}, 11, "assessment_nprs_now"},
  };
  for (const InvalidCase& c : cases) {
    SCOPED_TRACE(c.field);
    const absl::StatusOr<SessionClassification> result =
        ClassifySession(c.pain, c.assessment);
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(result.status().message()), HasSubstr(c.field));
  }
}

}  // namespace
}  // namespace corebalance::progress
