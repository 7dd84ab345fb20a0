#include "services/progress/rules/alerts.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/unit/progress/progress_test_support.h"

namespace corebalance::progress {
namespace {

using test_support::Session;
using test_support::Utc;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> KeysOf(const std::vector<Alert>& alerts,
                                AlertKind kind) {
  std::vector<std::string> keys;
  for (const Alert& alert : alerts) {
    if (alert.kind == kind) keys.push_back(alert.cause_key);
  }
  return keys;
}

const Alert* Find(const std::vector<Alert>& alerts, AlertKind kind) {
  for (const Alert& alert : alerts) {
    if (alert.kind == kind) return &alert;
  }
  return nullptr;
}

AlertInput ActivePlan(absl::Time since, int frequency, absl::Time now) {
  AlertInput input;
  input.plan_id = "p1";
  input.active_periods = {{since, absl::InfiniteFuture(), frequency}};
  input.now = now;
  return input;
}

TEST(PainFlare, OneAlertPerRedSessionOfTheLastSevenDays) {
  AlertInput input;
  input.now = Utc(2025, 3, 16, 18);
  input.sessions = {
      Session("s3", Utc(2025, 3, 9, 9), TrafficLight::kRed),  // 7 days ago
      Session("s1", Utc(2025, 3, 14, 9), TrafficLight::kRed),
      Session("s2", Utc(2025, 3, 15, 9), TrafficLight::kAmber),
  };
  const std::vector<Alert> first = EvaluateAlerts(input);
  EXPECT_THAT(KeysOf(first, AlertKind::kPainFlare), ElementsAre("session:s1"));
  EXPECT_THAT(first[0].message, HasSubstr("RED session on 2025-03-14"));

  // Same state, same key: the store inserts it once.
  EXPECT_EQ(KeysOf(EvaluateAlerts(input), AlertKind::kPainFlare),
            KeysOf(first, AlertKind::kPainFlare));

  // A new RED session is a new cause.
  input.sessions.push_back(
      Session("s4", Utc(2025, 3, 16, 8), TrafficLight::kRed));
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kPainFlare),
              ElementsAre("session:s1", "session:s4"));
}

TEST(Worsening, KeyedByTheWeekItIsSeenIn) {
  AlertInput input;
  input.initial_nprs_now = 3;
  input.sessions = {
      Session("a", Utc(2025, 3, 12, 9), TrafficLight::kGreen, 5),
      Session("b", Utc(2025, 3, 14, 9), TrafficLight::kGreen, 5),
  };
  // Wednesday and Sunday of the same week: one cause.
  input.now = Utc(2025, 3, 14, 20);
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kWorsening),
              ElementsAre("week:2025-03-10"));
  input.now = Utc(2025, 3, 16, 23, 59, 59);
  const std::vector<Alert> sunday = EvaluateAlerts(input);
  EXPECT_THAT(KeysOf(sunday, AlertKind::kWorsening),
              ElementsAre("week:2025-03-10"));
  EXPECT_THAT(Find(sunday, AlertKind::kWorsening)->message,
              HasSubstr("5.0 over the last 7 days is 2.0 above the initial "
                        "NPRS 3"));
  // Still worse on Monday: a new week, a new alert.
  input.now = Utc(2025, 3, 17, 0, 0, 0);
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kWorsening),
              ElementsAre("week:2025-03-17"));
}

TEST(Worsening, NotBelowTheClinicallyImportantChange) {
  AlertInput input;
  input.initial_nprs_now = 3;
  input.now = Utc(2025, 3, 16, 20);
  input.sessions = {
      Session("a", Utc(2025, 3, 12, 9), TrafficLight::kGreen, 5),
      Session("b", Utc(2025, 3, 14, 9), TrafficLight::kGreen, 4),
  };
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kWorsening), IsEmpty());
  input.initial_nprs_now = std::nullopt;
  input.sessions[1].pain_before = 9;
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kWorsening), IsEmpty());
}

TEST(NonAdherence, AfterFourDaysWithoutASession) {
  AlertInput input =
      ActivePlan(Utc(2025, 3, 1), 5, Utc(2025, 3, 14, 9, 59, 59));
  input.sessions = {
      Session("s8", Utc(2025, 3, 8, 10), TrafficLight::kGreen),
      Session("s9", Utc(2025, 3, 10, 10), TrafficLight::kGreen),
  };
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kNonAdherence),
              IsEmpty());
  input.now = Utc(2025, 3, 14, 10);
  const std::vector<Alert> alerts = EvaluateAlerts(input);
  EXPECT_THAT(KeysOf(alerts, AlertKind::kNonAdherence),
              ElementsAre("plan:p1:after-session:s9"));
  EXPECT_THAT(Find(alerts, AlertKind::kNonAdherence)->message,
              HasSubstr("no session logged for 4 days"));
  // Days later, the same gap: the same key.
  input.now = Utc(2025, 3, 18, 10);
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kNonAdherence),
              ElementsAre("plan:p1:after-session:s9"));
  // A session ends the gap; the next gap has a new key.
  input.sessions.push_back(
      Session("s10", Utc(2025, 3, 18, 11), TrafficLight::kGreen));
  input.now = Utc(2025, 3, 18, 12);
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kNonAdherence),
              IsEmpty());
  input.now = Utc(2025, 3, 22, 11);
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kNonAdherence),
              ElementsAre("plan:p1:after-session:s10"));
}

TEST(NonAdherence, PausedTimeDoesNotCount) {
  AlertInput input = ActivePlan(Utc(2025, 3, 1), 5, Utc(2025, 3, 14, 10));
  input.active_periods = {
      {Utc(2025, 3, 1), Utc(2025, 3, 11), 5},
      {Utc(2025, 3, 12), absl::InfiniteFuture(), 5},  // paused a day
  };
  input.sessions = {Session("s9", Utc(2025, 3, 10, 10), TrafficLight::kGreen)};
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kNonAdherence),
              IsEmpty());
  input.now = Utc(2025, 3, 15, 10);
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kNonAdherence),
              ElementsAre("plan:p1:after-session:s9"));
}

TEST(NonAdherence, OnlyWhileThePlanIsActive) {
  AlertInput input = ActivePlan(Utc(2025, 3, 1), 5, Utc(2025, 3, 20));
  input.active_periods[0].end = Utc(2025, 3, 19);  // paused yesterday
  input.sessions = {Session("s9", Utc(2025, 3, 10, 10), TrafficLight::kGreen)};
  EXPECT_THAT(EvaluateAlerts(input), IsEmpty());
  // No plan at all.
  input.plan_id.clear();
  input.active_periods = {{Utc(2025, 3, 1), absl::InfiniteFuture(), 5}};
  EXPECT_THAT(EvaluateAlerts(input), IsEmpty());
}

TEST(NonAdherence, BeforeAnySessionCountsFromThePlanStart) {
  AlertInput input = ActivePlan(Utc(2025, 3, 10, 8), 7, Utc(2025, 3, 14, 7));
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kNonAdherence),
              IsEmpty());
  input.now = Utc(2025, 3, 14, 8);
  const std::vector<Alert> alerts = EvaluateAlerts(input);
  EXPECT_THAT(KeysOf(alerts, AlertKind::kNonAdherence),
              ElementsAre("plan:p1:no-session-since:2025-03-10"));
  EXPECT_THAT(Find(alerts, AlertKind::kNonAdherence)->message,
              HasSubstr("since the plan started on 2025-03-10"));
}

TEST(LowAdherence, OverTheLastTwoCompleteCalendarWeeks) {
  // 5/week: the weeks of 03 and 10 March prescribe 10 sessions.
  AlertInput input = ActivePlan(Utc(2025, 2, 1), 5, Utc(2025, 3, 19, 12));
  for (int day : {3, 4, 5, 7, 10, 12, 14}) {
    input.sessions.push_back(Session(
        "s" + std::to_string(day), Utc(2025, 3, day, 9), TrafficLight::kGreen));
  }
  input.sessions.push_back(
      Session("s18", Utc(2025, 3, 18, 9), TrafficLight::kGreen));
  const std::vector<Alert> alerts = EvaluateAlerts(input);
  EXPECT_THAT(KeysOf(alerts, AlertKind::kLowAdherence),
              ElementsAre("plan:p1:weeks:2025-03-03..2025-03-16"));
  EXPECT_THAT(Find(alerts, AlertKind::kLowAdherence)->message,
              HasSubstr("adherence 70 % over the 2 weeks 2025-03-03 to "
                        "2025-03-16, 7 of 10 sessions"));
  // Any day of the same week: the same window, the same key.
  input.now = Utc(2025, 3, 23, 23);
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kLowAdherence),
              ElementsAre("plan:p1:weeks:2025-03-03..2025-03-16"));
  // Next Monday: the window moves on (10..23 has 5 of 10, still low).
  input.now = Utc(2025, 3, 24, 0);
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kLowAdherence),
              ElementsAre("plan:p1:weeks:2025-03-10..2025-03-23"));
}

TEST(LowAdherence, EightyPercentIsEnough) {
  AlertInput input = ActivePlan(Utc(2025, 2, 1), 5, Utc(2025, 3, 19, 12));
  for (int day : {3, 4, 5, 7, 10, 11, 12, 14}) {
    input.sessions.push_back(Session(
        "s" + std::to_string(day), Utc(2025, 3, day, 9), TrafficLight::kGreen));
  }
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kLowAdherence),
              IsEmpty());
}

TEST(LowAdherence, NotOnTooFewActiveDays) {
  // Started Wednesday 12: 5 active days in the window, too few to judge.
  AlertInput input = ActivePlan(Utc(2025, 3, 12), 5, Utc(2025, 3, 17, 12));
  input.sessions = {Session("s", Utc(2025, 3, 17, 9), TrafficLight::kGreen)};
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kLowAdherence),
              IsEmpty());
  // Started Monday 10: 7 active days, 0 logged.
  input.active_periods[0].start = Utc(2025, 3, 10);
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kLowAdherence),
              ElementsAre("plan:p1:weeks:2025-03-03..2025-03-16"));
}

// 2025-03-10 is a Monday.
TEST(NextAdherenceCheck, WhenTheGapReachesFourActiveDays) {
  AlertInput input = ActivePlan(Utc(2025, 3, 1), 3, Utc(2025, 3, 12, 10));
  input.sessions = {Session("s1", Utc(2025, 3, 11, 9), TrafficLight::kGreen)};
  const std::optional<absl::Time> next = NextAdherenceCheck(input);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(*next, Utc(2025, 3, 15, 9));
  // Nothing fires before it, and NON_ADHERENCE does at it.
  input.now = *next - absl::Microseconds(1);
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kNonAdherence),
              IsEmpty());
  input.now = *next;
  EXPECT_THAT(KeysOf(EvaluateAlerts(input), AlertKind::kNonAdherence),
              ElementsAre("plan:p1:after-session:s1"));
}

TEST(NextAdherenceCheck, NextMondayOnceTheGapHasItsAlert) {
  // LOW_ADHERENCE's two complete weeks move on at Monday 00:00.
  AlertInput input = ActivePlan(Utc(2025, 3, 1), 3, Utc(2025, 3, 16, 10));
  input.sessions = {Session("s1", Utc(2025, 3, 11, 9), TrafficLight::kGreen)};
  EXPECT_EQ(NextAdherenceCheck(input), Utc(2025, 3, 17));
  // A new session is the start of a new gap, at the earliest 4 days on.
  EXPECT_EQ(EarliestNonAdherenceAfter(Utc(2025, 3, 16, 9)),
            Utc(2025, 3, 20, 9));
  AlertPolicy six_days;
  six_days.non_adherence_after_days = 6;
  EXPECT_EQ(EarliestNonAdherenceAfter(Utc(2025, 3, 16, 9), six_days),
            Utc(2025, 3, 22, 9));
}

TEST(NextAdherenceCheck, PausedTimeDoesNotCount) {
  AlertInput input;
  input.plan_id = "p1";
  input.active_periods = {{Utc(2025, 3, 10), Utc(2025, 3, 12), 3},
                          {Utc(2025, 3, 13), absl::InfiniteFuture(), 3}};
  input.now = Utc(2025, 3, 14);
  // Two ACTIVE days, one paused, one ACTIVE: one more day to go.
  EXPECT_EQ(NextAdherenceCheck(input), Utc(2025, 3, 15));
}

TEST(NextAdherenceCheck, NoneWithoutAnActivePlan) {
  AlertInput input;
  input.now = Utc(2025, 3, 14);
  EXPECT_EQ(NextAdherenceCheck(input), std::nullopt);  // no plan
  input.plan_id = "p1";
  input.active_periods = {{Utc(2025, 3, 10), Utc(2025, 3, 12), 3}};
  EXPECT_EQ(NextAdherenceCheck(input), std::nullopt);  // paused since
  input.active_periods.push_back({Utc(2025, 3, 20), absl::InfiniteFuture(), 3});
  EXPECT_EQ(NextAdherenceCheck(input), Utc(2025, 3, 20));  // resumes then
}

TEST(EvaluateAlerts, ListsKindsInOrder) {
  AlertInput input = ActivePlan(Utc(2025, 2, 1), 5, Utc(2025, 3, 19, 12));
  input.initial_nprs_now = 2;
  input.sessions = {Session("r", Utc(2025, 3, 13, 9), TrafficLight::kRed, 6)};
  const std::vector<Alert> alerts = EvaluateAlerts(input);
  std::vector<std::string> kinds;
  for (const Alert& alert : alerts) {
    kinds.push_back(std::string(AlertKindName(alert.kind)));
  }
  EXPECT_THAT(kinds, ElementsAre("PAIN_FLARE", "WORSENING", "NON_ADHERENCE",
                                 "LOW_ADHERENCE"));
}

}  // namespace
}  // namespace corebalance::progress
