#include "services/progress/rules/adherence.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/unit/progress/progress_test_support.h"

namespace corebalance::progress {
namespace {

using test_support::Utc;

// Monday 2025-03-03 .. Sunday 2025-03-16: two whole calendar weeks.
constexpr absl::CivilDay kMonday{2025, 3, 3};
const DayWindow kTwoWeeks{kMonday, kMonday + 13};

std::vector<absl::Time> DailyAt10(absl::CivilDay first, int count,
                                  int step_days = 1) {
  std::vector<absl::Time> sessions;
  for (int i = 0; i < count; ++i) {
    sessions.push_back(Utc(first + i * step_days, 10));
  }
  return sessions;
}

TEST(ComputeAdherence, TwoFullWeeksAtFivePerWeek) {
  const std::vector<ActivePeriod> plan = {
      {Utc(2025, 2, 1), absl::InfiniteFuture(), 5}};
  struct Case {
    int logged;
    int percent;
    bool adherent;
  };
  // 10 prescribed: 8 is 80 % (adherent), 7 is 70 %.
  for (const Case& c : {Case{10, 100, true}, Case{8, 80, true},
                        Case{7, 70, false}, Case{0, 0, false}}) {
    SCOPED_TRACE(c.logged);
    const Adherence adherence =
        ComputeAdherence(plan, DailyAt10(kMonday, c.logged), kTwoWeeks);
    EXPECT_EQ(adherence.overall.active_days, 14);
    EXPECT_EQ(adherence.overall.prescribed_sessions(), 10.0);
    EXPECT_EQ(adherence.overall.logged, c.logged);
    EXPECT_EQ(adherence.overall.percent(), c.percent);
    EXPECT_EQ(adherence.adherent, c.adherent);
  }
}

TEST(SessionCounts, EightyPercentIsExact) {
  // 100 sessions prescribed (frequency 10 over 70 days = 700 sevenths).
  SessionCounts counts{.days = kTwoWeeks, .prescribed_sevenths = 700};
  counts.logged = 79;
  EXPECT_FALSE(counts.AtLeast(80));
  EXPECT_EQ(counts.percent(), 79);
  counts.logged = 80;
  EXPECT_TRUE(counts.AtLeast(80));
  EXPECT_EQ(counts.percent(), 80);
}

TEST(SessionCounts, PercentRoundsDownAndDisplayCapsAt100) {
  // 11 of 14: 78.57 % shows as 78 so that a shown 80 always means adherent.
  SessionCounts counts{.prescribed_sevenths = 14 * 7, .logged = 11};
  EXPECT_EQ(counts.percent(), 78);
  // 3 of 15/7 sessions: 140 % raw, shown as 100 %.
  counts = {.prescribed_sevenths = 15, .logged = 3};
  EXPECT_EQ(counts.percent(), 140);
  EXPECT_EQ(counts.display_percent(), 100);
  EXPECT_TRUE(counts.AtLeast(80));
  EXPECT_EQ(FormatPrescribed(counts), "2.1");
  // Nothing prescribed: no percentage, not adherent.
  counts = {.prescribed_sevenths = 0, .logged = 2};
  EXPECT_EQ(counts.percent(), std::nullopt);
  EXPECT_EQ(counts.display_percent(), std::nullopt);
  EXPECT_FALSE(counts.AtLeast(80));
}

TEST(ComputeAdherence, WeeksStartMondayMidnightUtc) {
  const std::vector<ActivePeriod> plan = {
      {Utc(2025, 2, 1), absl::InfiniteFuture(), 7}};
  const std::vector<absl::Time> sessions = {
      Utc(2025, 3, 9, 23, 59, 59),  // Sunday, last second of week 1
      Utc(2025, 3, 10, 0, 0, 0),    // Monday, first second of week 2
      Utc(2025, 3, 10, 18, 0, 0),
  };
  const Adherence adherence = ComputeAdherence(plan, sessions, kTwoWeeks);
  ASSERT_EQ(adherence.weeks.size(), 2u);
  EXPECT_EQ(adherence.weeks[0].days.first, absl::CivilDay(2025, 3, 3));
  EXPECT_EQ(adherence.weeks[0].days.last, absl::CivilDay(2025, 3, 9));
  EXPECT_EQ(adherence.weeks[0].logged, 1);
  EXPECT_EQ(adherence.weeks[1].days.first, absl::CivilDay(2025, 3, 10));
  EXPECT_EQ(adherence.weeks[1].days.last, absl::CivilDay(2025, 3, 16));
  EXPECT_EQ(adherence.weeks[1].logged, 2);
  EXPECT_EQ(adherence.overall.logged, 3);
}

TEST(ComputeAdherence, WindowNotOnAMondayClipsTheWeeks) {
  const std::vector<ActivePeriod> plan = {
      {Utc(2025, 2, 1), absl::InfiniteFuture(), 7}};
  // Wednesday 2025-03-05 .. Tuesday 2025-03-18.
  const DayWindow window{absl::CivilDay(2025, 3, 5),
                         absl::CivilDay(2025, 3, 18)};
  const Adherence adherence = ComputeAdherence(plan, {}, window);
  ASSERT_EQ(adherence.weeks.size(), 3u);
  EXPECT_EQ(adherence.weeks[0].active_days, 5);  // Wed..Sun
  EXPECT_EQ(adherence.weeks[1].active_days, 7);
  EXPECT_EQ(adherence.weeks[2].active_days, 2);  // Mon, Tue
  EXPECT_EQ(adherence.weeks[2].days.first, absl::CivilDay(2025, 3, 17));
  EXPECT_EQ(adherence.overall.active_days, 14);
}

TEST(ComputeAdherence, PausedDaysPrescribeNothingAndTheirSessionsDoNotCount) {
  // Daily plan, paused Thursday 06 at noon, resumed Monday 10 at 09:00.
  const std::vector<ActivePeriod> plan = {
      {Utc(2025, 2, 1), Utc(2025, 3, 6, 12), 7},
      {Utc(2025, 3, 10, 9), absl::InfiniteFuture(), 7},
  };
  std::vector<absl::Time> sessions = DailyAt10(kMonday, 4);  // Mon..Thu
  sessions.push_back(Utc(2025, 3, 8, 10));  // Saturday, while paused
  const Adherence adherence = ComputeAdherence(plan, sessions, kTwoWeeks);
  // Active: 03, 04, 05, 06 (part), then 10..16.
  EXPECT_EQ(adherence.overall.active_days, 11);
  EXPECT_EQ(adherence.overall.prescribed_sessions(), 11.0);
  EXPECT_EQ(adherence.overall.logged, 4);
  EXPECT_EQ(adherence.weeks[0].active_days, 4);
  EXPECT_EQ(adherence.weeks[0].logged, 4);
  EXPECT_EQ(adherence.weeks[0].percent(), 100);
  EXPECT_EQ(adherence.weeks[1].active_days, 7);
  EXPECT_EQ(adherence.weeks[1].percent(), 0);
}

TEST(ComputeAdherence, PlanStartedMidWindowCountsFromItsFirstDay) {
  // Started Wednesday 12 at 15:00: 12..16 is 5 days at 7/week.
  const std::vector<ActivePeriod> plan = {
      {Utc(2025, 3, 12, 15), absl::InfiniteFuture(), 7}};
  const Adherence adherence = ComputeAdherence(
      plan, DailyAt10(absl::CivilDay(2025, 3, 12), 4), kTwoWeeks);
  EXPECT_EQ(adherence.overall.active_days, 5);
  EXPECT_EQ(adherence.overall.prescribed_sessions(), 5.0);
  EXPECT_EQ(adherence.overall.percent(), 80);
  EXPECT_TRUE(adherence.adherent);
  EXPECT_EQ(adherence.weeks[0].prescribed_sevenths, 0);
  EXPECT_EQ(adherence.weeks[0].percent(), std::nullopt);
}

TEST(ComputeAdherence, PlanCompletedMidWindowStopsPrescribing) {
  // Completed Tuesday 04 at 08:00: 03 and 04 count, at 5/week.
  const std::vector<ActivePeriod> plan = {
      {Utc(2025, 2, 1), Utc(2025, 3, 4, 8), 5}};
  const Adherence adherence =
      ComputeAdherence(plan, DailyAt10(kMonday, 1), kTwoWeeks);
  EXPECT_EQ(adherence.overall.active_days, 2);
  EXPECT_EQ(adherence.overall.prescribed_sevenths, 10);
  EXPECT_EQ(adherence.overall.percent(), 70);  // 1 of 10/7
}

TEST(ComputeAdherence, PeriodEndingAtMidnightLeavesThatDayOut) {
  // Paused at 00:00 Wednesday 05 and resumed at 00:00 Monday 10: the plan
  // was not ACTIVE at any moment of 05..09.
  const std::vector<ActivePeriod> plan = {
      {Utc(2025, 2, 1), Utc(2025, 3, 5), 7},
      {Utc(2025, 3, 10), absl::InfiniteFuture(), 7},
  };
  const Adherence adherence = ComputeAdherence(plan, {}, kTwoWeeks);
  EXPECT_EQ(adherence.weeks[0].active_days, 2);
  EXPECT_EQ(adherence.weeks[1].active_days, 7);
}

TEST(ComputeAdherence, PartialWeeksPrescribeFractions) {
  // 5/week over 3 days is 15/7 = 2.14 sessions; 2 logged is 93 %.
  const std::vector<ActivePeriod> plan = {
      {Utc(2025, 3, 14), absl::InfiniteFuture(), 5}};
  const Adherence adherence = ComputeAdherence(
      plan, DailyAt10(absl::CivilDay(2025, 3, 14), 2), kTwoWeeks);
  EXPECT_EQ(adherence.overall.prescribed_sevenths, 15);
  EXPECT_EQ(adherence.overall.percent(), 93);
}

TEST(ComputeAdherence, RevisionChangesTheFrequencyFromItsDay) {
  const std::vector<PlanStatusChange> history = {
      {Utc(2025, 2, 1), true, 7},
      {Utc(2025, 3, 10, 12), true, 5},  // moved to a 5/week phase
  };
  const Adherence adherence =
      ComputeAdherence(ActivePeriodsFromHistory(history), {}, kTwoWeeks);
  EXPECT_EQ(adherence.weeks[0].prescribed_sevenths, 7 * 7);
  EXPECT_EQ(adherence.weeks[1].prescribed_sevenths, 7 * 5);
}

TEST(ActivePeriodsFromHistory, FollowsPausesRevisionsAndTheEnd) {
  const std::vector<PlanStatusChange> history = {
      // Deliberately out of order.
      {Utc(2025, 3, 20), false, 5},  // completed
      {Utc(2025, 3, 1), true, 7},    // assigned
      {Utc(2025, 3, 5), false, 7},   // paused
      {Utc(2025, 3, 8), true, 7},    // resumed
      {Utc(2025, 3, 9), true, 7},    // adjusted, same frequency
      {Utc(2025, 3, 12), true, 5},   // adjusted to 5/week
  };
  const std::vector<ActivePeriod> periods = ActivePeriodsFromHistory(history);
  ASSERT_EQ(periods.size(), 3u);
  EXPECT_EQ(periods[0].start, Utc(2025, 3, 1));
  EXPECT_EQ(periods[0].end, Utc(2025, 3, 5));
  EXPECT_EQ(periods[0].frequency_per_week, 7);
  EXPECT_EQ(periods[1].start, Utc(2025, 3, 8));
  EXPECT_EQ(periods[1].end, Utc(2025, 3, 12));
  EXPECT_EQ(periods[2].start, Utc(2025, 3, 12));
  EXPECT_EQ(periods[2].end, Utc(2025, 3, 20));
  EXPECT_EQ(periods[2].frequency_per_week, 5);
}

TEST(ActivePeriodsFromHistory, StillActivePlanIsOpenEnded) {
  const std::vector<PlanStatusChange> history = {{Utc(2025, 3, 1), true, 5}};
  const std::vector<ActivePeriod> periods = ActivePeriodsFromHistory(history);
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].end, absl::InfiniteFuture());
}

TEST(DaysSinceLastSession, CountsUtcCalendarDays) {
  const absl::Time now = Utc(2025, 3, 16, 0, 1);
  EXPECT_EQ(DaysSinceLastSession({}, now), std::nullopt);
  const std::vector<absl::Time> today = {Utc(2025, 3, 16, 0, 0)};
  EXPECT_EQ(DaysSinceLastSession(today, now), 0);
  const std::vector<absl::Time> late_yesterday = {Utc(2025, 3, 10, 9),
                                                  Utc(2025, 3, 15, 23, 59)};
  EXPECT_EQ(DaysSinceLastSession(late_yesterday, now), 1);
  const std::vector<absl::Time> with_future = {Utc(2025, 3, 12, 9),
                                               Utc(2025, 3, 17, 9)};
  EXPECT_EQ(DaysSinceLastSession(with_future, now), 4);
}

}  // namespace
}  // namespace corebalance::progress
