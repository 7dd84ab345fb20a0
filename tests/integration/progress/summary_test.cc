// GetProgressSummary over a known week of sessions.

#include <algorithm>

#include "absl/time/clock.h"
#include "services/common/sql_time.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/integration/progress/progress_fixture.h"

namespace corebalance::test {
namespace {

class SummaryTest : public ProgressTest {
 protected:
  static v1::ProgressSummary Summary(const std::string& patient, int days) {
    v1::GetProgressSummaryRequest request;
    request.set_patient(patient);
    request.set_window_days(days);
    v1::ProgressSummary out;
    grpc::Status s = Stub()->GetProgressSummary(Context(Practitioner()).get(),
                                                request, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }
};

TEST_F(SummaryTest, KnownWeekOfSessions) {
  const v1::Plan plan = PatientWithPlan(/*nprs_now=*/6);
  const std::string patient = PatientOf(plan.name());
  BackdatePlan(plan, 14);
  int frequency = 0;
  for (const auto& e : plan.exercises()) {
    frequency = std::max(frequency, e.dose().frequency_per_week());
  }
  ASSERT_GT(frequency, 0);

  const absl::Time now = absl::Now();
  v1::Session older = GoodSession(plan);
  *older.mutable_perform_time() = ToProtoTime(now - absl::Hours(4 * 24));
  older.set_pain_before(4);
  older.set_worst_pain_during(8);  // RED
  MustLog(older);
  v1::Session newer = GoodSession(plan);
  *newer.mutable_perform_time() = ToProtoTime(now - absl::Hours(24));
  newer.set_pain_before(2);
  newer.mutable_exercises(0)->set_completed(false);
  MustLog(newer);

  const v1::ProgressSummary summary = Summary(patient, 7);
  EXPECT_EQ(summary.plan(), plan.name());
  EXPECT_EQ(summary.adherence().active_days(), 7);
  EXPECT_DOUBLE_EQ(summary.adherence().sessions_prescribed(), frequency);
  EXPECT_EQ(summary.adherence().sessions_logged(), 2);
  EXPECT_EQ(summary.adherence().adherence_percent(),
            std::min(100, 200 / frequency));
  int weekly_logged = 0;
  for (const auto& w : summary.weeks()) weekly_logged += w.sessions_logged();
  EXPECT_EQ(weekly_logged, 2);
  EXPECT_EQ(summary.days_since_last_session(), 1);

  EXPECT_EQ(summary.pain_trend().baseline(), 6);
  EXPECT_DOUBLE_EQ(summary.pain_trend().recent_average(), 3.0);
  // From 4 to 2 over three days: -2/3 points a day.
  EXPECT_NEAR(summary.pain_trend().slope_per_week(), -14.0 / 3, 1e-6);
  EXPECT_FALSE(summary.pain_trend().worsened());

  EXPECT_EQ(summary.green_sessions(), 1);
  EXPECT_EQ(summary.red_sessions(), 1);
  EXPECT_EQ(summary.amber_sessions(), 0);

  const std::string first = plan.exercises(0).exercise();
  bool seen_first = false;
  for (const auto& e : summary.exercises()) {
    if (e.exercise() == first) {
      seen_first = true;
      EXPECT_EQ(e.completed(), 1);
      EXPECT_EQ(e.skipped(), 1);
    } else {
      EXPECT_EQ(e.completed(), 2) << e.exercise();
      EXPECT_EQ(e.skipped(), 0) << e.exercise();
    }
  }
  EXPECT_TRUE(seen_first);

  // Adherence over 14 days is far below 80 %: hold, saying why.
  EXPECT_EQ(summary.recommendation().kind(), v1::Recommendation::KIND_HOLD);
  EXPECT_GT(summary.recommendation().reasons_size(), 0);
  EXPECT_FALSE(summary.has_outcome_change());
}

TEST_F(SummaryTest, TwoRedSessionsRecommendRegress) {
  const v1::Plan plan = PatientWithPlan();
  BackdatePlan(plan, 14);
  for (int days : {2, 1}) {
    v1::Session s = GoodSession(plan);
    *s.mutable_perform_time() =
        ToProtoTime(absl::Now() - absl::Hours(24 * days));
    s.set_pain_after(9);
    MustLog(s);
  }
  const v1::ProgressSummary summary = Summary(PatientOf(plan.name()), 14);
  EXPECT_EQ(summary.red_sessions(), 2);
  EXPECT_EQ(summary.recommendation().kind(), v1::Recommendation::KIND_REGRESS);
  EXPECT_GT(summary.recommendation().steps_size(), 0);
}

TEST_F(SummaryTest, TwoGoodWeeksRecommendTheNextPhase) {
  const v1::Plan plan = PatientWithPlan();
  ASSERT_EQ(plan.plan_template(), "planTemplates/foundation");
  BackdatePlan(plan, 15);
  for (int day = 13; day >= 0; --day) {
    v1::Session s = GoodSession(plan);
    *s.mutable_perform_time() =
        ToProtoTime(absl::Now() - absl::Hours(24 * day) - absl::Minutes(5));
    MustLog(s);
  }
  const v1::ProgressSummary summary = Summary(PatientOf(plan.name()), 14);
  ASSERT_EQ(summary.recommendation().kind(), v1::Recommendation::KIND_PROGRESS)
      << summary.DebugString();
  EXPECT_EQ(summary.recommendation().next_plan_template(),
            "planTemplates/stability");
  EXPECT_FALSE(
      summary.recommendation().next_plan_template_display_name().empty());
  const auto& reasons = summary.recommendation().reasons();
  EXPECT_TRUE(std::any_of(reasons.begin(), reasons.end(), [](const auto& r) {
    return r.find("stability") != std::string::npos;
  })) << summary.recommendation().DebugString();
}

TEST_F(SummaryTest, FollowUpOutcomeComesFromIntake) {
  const v1::Plan plan = PatientWithPlan(/*nprs_now=*/6);
  const std::string patient = PatientOf(plan.name());
  auto intake = v1::IntakeService::NewStub(server().channel());
  v1::SubmitAssessmentRequest submit;
  submit.set_parent(patient);
  v1::Assessment& a = *submit.mutable_assessment();
  a.set_kind(v1::Assessment::KIND_FOLLOW_UP);
  a.set_nprs_now(3);
  for (int i = 0; i < 10; ++i) a.add_odi_sections()->set_score(1);
  v1::Assessment out;
  grpc::Status s =
      intake->SubmitAssessment(Context(Practitioner()).get(), submit, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();

  const v1::ProgressSummary summary = Summary(patient, 14);
  ASSERT_TRUE(summary.has_outcome_change());
  EXPECT_DOUBLE_EQ(summary.outcome_change().nprs().absolute_change(), -3);
  EXPECT_TRUE(summary.outcome_change().nprs().important_improvement());
  EXPECT_EQ(summary.adherence().sessions_logged(), 0);
  EXPECT_FALSE(summary.has_days_since_last_session());
}

TEST_F(SummaryTest, FrontDeskIsDenied) {
  const v1::Plan plan = PatientWithPlan();
  v1::GetProgressSummaryRequest request;
  request.set_patient(PatientOf(plan.name()));
  v1::ProgressSummary out;
  EXPECT_EQ(Stub()
                ->GetProgressSummary(Context(FrontDesk()).get(), request, &out)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace corebalance::test
