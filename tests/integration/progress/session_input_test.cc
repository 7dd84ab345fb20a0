// Sessions LogSession refuses, with every problem named, storing nothing.

#include "absl/time/clock.h"
#include "services/common/sql_time.h"
#include "tests/integration/progress/progress_fixture.h"

namespace corebalance::test {
namespace {

using SessionInputTest = ProgressTest;

TEST_F(SessionInputTest, OutOfRangeValuesAreAllNamed) {
  const v1::Plan plan = PatientWithPlan();
  v1::Session in = GoodSession(plan);
  in.set_pain_before(11);
  in.set_worst_pain_during(-1);
  in.set_rpe(12);
  in.mutable_exercises(0)->set_sets(-2);
  in.set_walking_minutes(-5);
  *in.mutable_perform_time() = ToProtoTime(absl::Now() + absl::Minutes(30));
  v1::Session out;
  grpc::Status s = Log(PatientOf(plan.name()), in, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const auto v = Violations(s);
  for (const char* field :
       {"session.pain_before", "session.worst_pain_during", "session.rpe",
        "session.exercises[0].sets", "session.walking_minutes",
        "session.perform_time"}) {
    EXPECT_TRUE(v.count(field)) << field;
  }
  EXPECT_TRUE(AllSessions(PatientOf(plan.name())).empty());
}

TEST_F(SessionInputTest, RequiredPainIsRequired) {
  const v1::Plan plan = PatientWithPlan();
  v1::Session in = GoodSession(plan);
  in.clear_worst_pain_during();
  in.clear_pain_after();
  v1::Session out;
  grpc::Status s = Log(PatientOf(plan.name()), in, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(s).count("session.worst_pain_during"));
  EXPECT_TRUE(Violations(s).count("session.pain_after"));
}

TEST_F(SessionInputTest, SmallClockSkewIsAccepted) {
  const v1::Plan plan = PatientWithPlan();
  v1::Session in = GoodSession(plan);
  *in.mutable_perform_time() = ToProtoTime(absl::Now() + absl::Minutes(4));
  v1::Session out;
  grpc::Status s = Log(PatientOf(plan.name()), in, &out);
  EXPECT_TRUE(s.ok()) << s.error_message();
}

TEST_F(SessionInputTest, ExerciseOutsideThePlanIsRefused) {
  const v1::Plan plan = PatientWithPlan();
  v1::Session in = GoodSession(plan);
  in.add_exercises()->set_exercise("exercises/not-in-this-plan");
  v1::Session out;
  grpc::Status s = Log(PatientOf(plan.name()), in, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const std::string field = "session.exercises[" +
                            std::to_string(in.exercises_size() - 1) +
                            "].exercise";
  EXPECT_TRUE(Violations(s).count(field)) << s.error_message();
  EXPECT_TRUE(AllSessions(PatientOf(plan.name())).empty());
}

TEST_F(SessionInputTest, SessionBeforeThePlanStartedIsRefused) {
  const v1::Plan plan = PatientWithPlan();
  v1::Session in = GoodSession(plan, -absl::Hours(48));
  v1::Session out;
  grpc::Status s = Log(PatientOf(plan.name()), in, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(s).count("session.perform_time"));
}

TEST_F(SessionInputTest, ATimestampOutsideItsRangeIsRefusedNotShifted) {
  const v1::Plan plan = PatientWithPlan();
  for (int nanos : {2000000000, -1}) {
    v1::Session in = GoodSession(plan);
    in.mutable_perform_time()->set_nanos(nanos);
    v1::Session out;
    grpc::Status s = Log(PatientOf(plan.name()), in, &out);
    ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << nanos;
    EXPECT_TRUE(Violations(s).count("session.perform_time"))
        << s.error_message();
  }
  EXPECT_TRUE(AllSessions(PatientOf(plan.name())).empty());
}

TEST_F(SessionInputTest, PlanOfAnotherPatientIsRefused) {
  const v1::Plan mine = PatientWithPlan();
  const v1::Plan theirs = PatientWithPlan();
  v1::Session in = GoodSession(theirs);
  v1::Session out;
  grpc::Status s = Log(PatientOf(mine.name()), in, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(s).count("session.plan"));
  EXPECT_TRUE(AllSessions(PatientOf(mine.name())).empty());
  EXPECT_TRUE(AllSessions(PatientOf(theirs.name())).empty());
}

TEST_F(SessionInputTest, PatientWithoutPlanIsAPrecondition) {
  const std::string patient = AssessedPatient();
  v1::Session in = GoodSession(PatientWithPlan());
  in.clear_plan();
  in.clear_exercises();
  v1::Session out;
  grpc::Status s = Log(patient, in, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(AllSessions(patient).empty());
}

}  // namespace
}  // namespace corebalance::test
