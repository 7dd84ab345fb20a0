// What LogSession accepts, without a server.

#include "services/progress/session_checks.h"

#include <gtest/gtest.h>

#include <set>

#include "absl/time/clock.h"
#include "services/common/sql_time.h"

namespace corebalance::progress {
namespace {

std::set<std::string> Fields(const FieldViolations& violations) {
  std::set<std::string> out;
  for (const auto& v : violations) out.insert(v.field);
  return out;
}

v1::Session Valid(absl::Time at) {
  v1::Session s;
  *s.mutable_perform_time() = ToProtoTime(at);
  s.set_worst_pain_during(3);
  s.set_pain_after(2);
  v1::SessionExercise* e = s.add_exercises();
  e->set_exercise("exercises/bird-dog");
  e->set_completed(true);
  return s;
}

TEST(SessionChecksTest, ValidSessionPasses) {
  FieldViolations v;
  CheckSessionFields(Valid(absl::Now()), absl::Now(), v);
  EXPECT_TRUE(v.empty());
}

TEST(SessionChecksTest, ClockSkewBoundary) {
  const absl::Time now = absl::Now();
  FieldViolations v;
  CheckSessionFields(Valid(now + kClockSkew), now, v);
  EXPECT_TRUE(v.empty());
  CheckSessionFields(Valid(now + kClockSkew + absl::Seconds(1)), now, v);
  EXPECT_EQ(Fields(v), std::set<std::string>{"session.perform_time"});
}

TEST(SessionChecksTest, ScaleEnds) {
  const absl::Time now = absl::Now();
  v1::Session s = Valid(now);
  s.set_pain_before(0);
  s.set_rpe(10);
  FieldViolations v;
  CheckSessionFields(s, now, v);
  EXPECT_TRUE(v.empty());
  s.set_pain_before(-1);
  s.set_rpe(11);
  CheckSessionFields(s, now, v);
  EXPECT_EQ(Fields(v),
            (std::set<std::string>{"session.pain_before", "session.rpe"}));
}

TEST(SessionChecksTest, ExerciseProblems) {
  const absl::Time now = absl::Now();
  v1::Session s = Valid(now);
  *s.add_exercises() = s.exercises(0);          // twice
  s.add_exercises()->set_exercise("bird-dog");  // not a resource name
  s.mutable_exercises(0)->set_skip_reason("done anyway");
  s.mutable_exercises(0)->set_hold_seconds(-1);
  FieldViolations v;
  CheckSessionFields(s, now, v);
  EXPECT_EQ(Fields(v),
            (std::set<std::string>{"session.exercises[0].skip_reason",
                                   "session.exercises[0].hold_seconds",
                                   "session.exercises[1].exercise",
                                   "session.exercises[2].exercise"}));
}

TEST(SessionChecksTest, AgainstThePlan) {
  const absl::Time now = absl::Now();
  v1::Plan plan;
  plan.set_name("patients/p/plans/q");
  plan.set_revision(2);
  *plan.mutable_create_time() = ToProtoTime(now - absl::Hours(1));
  plan.add_exercises()->set_exercise("exercises/cat-camel");
  FieldViolations v;
  CheckAgainstPlan(Valid(now - absl::Hours(2)), plan, v);
  EXPECT_EQ(Fields(v),
            (std::set<std::string>{"session.perform_time",
                                   "session.exercises[0].exercise"}));
}

}  // namespace
}  // namespace corebalance::progress
