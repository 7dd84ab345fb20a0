// Every state transition of a plan, allowed and refused, and the reasons
// and revisions they leave behind.

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/integration/prescription/prescription_fixture.h"

namespace corebalance::test {
namespace {

using TransitionTest = PrescriptionTest;

bool Has(const v1::PlanRevision& r, const std::string& line) {
  for (const auto& c : r.changes()) {
    if (absl::StrContains(c, line)) return true;
  }
  return false;
}

// Every action from every state: the allowed ones change the state (or, for
// adjust, the revision), the others are FAILED_PRECONDITION naming the plan.
TEST_F(TransitionTest, EveryTransitionAllowedOrRefused) {
  struct Expect {
    v1::Plan::State from;
    Act action;
    bool allowed;
    v1::Plan::State to;
  };
  const std::vector<Expect> table = {
      {v1::Plan::STATE_ACTIVE, Act::kPause, true, v1::Plan::STATE_PAUSED},
      {v1::Plan::STATE_ACTIVE, Act::kResume, false, v1::Plan::STATE_ACTIVE},
      {v1::Plan::STATE_ACTIVE, Act::kComplete, true, v1::Plan::STATE_COMPLETED},
      {v1::Plan::STATE_ACTIVE, Act::kCancel, true, v1::Plan::STATE_CANCELLED},
      {v1::Plan::STATE_ACTIVE, Act::kAdjust, true, v1::Plan::STATE_ACTIVE},
      {v1::Plan::STATE_PAUSED, Act::kPause, false, v1::Plan::STATE_PAUSED},
      {v1::Plan::STATE_PAUSED, Act::kResume, true, v1::Plan::STATE_ACTIVE},
      {v1::Plan::STATE_PAUSED, Act::kComplete, true, v1::Plan::STATE_COMPLETED},
      {v1::Plan::STATE_PAUSED, Act::kCancel, true, v1::Plan::STATE_CANCELLED},
      {v1::Plan::STATE_PAUSED, Act::kAdjust, true, v1::Plan::STATE_PAUSED},
      {v1::Plan::STATE_COMPLETED, Act::kPause, false,
       v1::Plan::STATE_COMPLETED},
      {v1::Plan::STATE_COMPLETED, Act::kResume, false,
       v1::Plan::STATE_COMPLETED},
      {v1::Plan::STATE_COMPLETED, Act::kComplete, false,
       v1::Plan::STATE_COMPLETED},
      {v1::Plan::STATE_COMPLETED, Act::kCancel, false,
       v1::Plan::STATE_COMPLETED},
      {v1::Plan::STATE_COMPLETED, Act::kAdjust, false,
       v1::Plan::STATE_COMPLETED},
      {v1::Plan::STATE_CANCELLED, Act::kPause, false,
       v1::Plan::STATE_CANCELLED},
      {v1::Plan::STATE_CANCELLED, Act::kResume, false,
       v1::Plan::STATE_CANCELLED},
      {v1::Plan::STATE_CANCELLED, Act::kComplete, false,
       v1::Plan::STATE_CANCELLED},
      {v1::Plan::STATE_CANCELLED, Act::kCancel, false,
       v1::Plan::STATE_CANCELLED},
      {v1::Plan::STATE_CANCELLED, Act::kAdjust, false,
       v1::Plan::STATE_CANCELLED},
  };
  // One patient, one plan per row: each plan is brought to `from` and then
  // completed by the next assignment only after its row is checked.
  const std::string patient = patients().Assessed(Intake::kStandard, "States");
  for (const Expect& row : table) {
    const std::string label = absl::StrCat(v1::Plan::State_Name(row.from), " ",
                                           static_cast<int>(row.action));
    const v1::Plan plan = MustAssign(patient);
    v1::Plan at = plan;
    if (row.from == v1::Plan::STATE_PAUSED) {
      ASSERT_TRUE(ActOnPlan(Act::kPause, plan.name(), &at).ok()) << label;
    } else if (row.from == v1::Plan::STATE_COMPLETED) {
      ASSERT_TRUE(ActOnPlan(Act::kComplete, plan.name(), &at).ok()) << label;
    } else if (row.from == v1::Plan::STATE_CANCELLED) {
      ASSERT_TRUE(ActOnPlan(Act::kCancel, plan.name(), &at).ok()) << label;
    }
    ASSERT_EQ(at.state(), row.from) << label;
    v1::Plan out;
    grpc::Status s = ActOnPlan(row.action, plan.name(), &out);
    if (row.allowed) {
      ASSERT_TRUE(s.ok()) << label << ": " << s.error_message();
      EXPECT_EQ(out.state(), row.to) << label;
      EXPECT_EQ(out.revision(), at.revision() + 1) << label;
      EXPECT_EQ(out.state_reason(), row.action == Act::kAdjust
                                        ? at.state_reason()
                                        : "per clinical review")
          << label;
    } else {
      EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION)
          << label << ": " << s.error_message();
      EXPECT_EQ(Preconditions(s),
                std::vector<std::string>{"PLAN_STATE " + plan.name()})
          << label;
      const v1::Plan unchanged = MustGet(plan.name());
      EXPECT_EQ(unchanged.state(), row.from) << label;
      EXPECT_EQ(unchanged.revision(), at.revision()) << label;
    }
  }
}

TEST_F(TransitionTest, StateChangesNeedAReasonAndAreRecorded) {
  const std::string patient = patients().Assessed(Intake::kStandard, "Reasons");
  const v1::Plan plan = MustAssign(patient);
  v1::Plan out;
  grpc::Status s = ActOnPlan(Act::kPause, plan.name(), &out, "  ");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(s).count("reason"));

  ASSERT_TRUE(ActOnPlan(Act::kPause, plan.name(), &out, "flare-up").ok());
  EXPECT_EQ(out.care_plan_status(), "on-hold");
  EXPECT_EQ(out.state_reason(), "flare-up");
  ASSERT_TRUE(ActOnPlan(Act::kResume, plan.name(), &out, "pain settled").ok());
  ASSERT_TRUE(ActOnPlan(Act::kComplete, plan.name(), &out, "goals met").ok());
  EXPECT_EQ(out.care_plan_status(), "completed");
  EXPECT_TRUE(out.has_end_time());
  EXPECT_TRUE(out.superseded_by().empty());

  const auto revisions = AllRevisions(plan.name());
  ASSERT_EQ(revisions.size(), 4u);
  EXPECT_EQ(revisions[0].action(), v1::PlanRevision::ACTION_COMPLETE);
  EXPECT_EQ(revisions[0].reason(), "goals met");
  EXPECT_TRUE(Has(revisions[0], "state: ACTIVE -> COMPLETED"));
  EXPECT_EQ(revisions[1].action(), v1::PlanRevision::ACTION_RESUME);
  EXPECT_EQ(revisions[2].action(), v1::PlanRevision::ACTION_PAUSE);
  EXPECT_EQ(revisions[2].reason(), "flare-up");
  EXPECT_EQ(revisions[2].state(), v1::Plan::STATE_PAUSED);
  EXPECT_EQ(revisions[3].action(), v1::PlanRevision::ACTION_ASSIGN);
  for (const auto& r : revisions) EXPECT_EQ(r.actor(), PractitionerName());
}

}  // namespace
}  // namespace corebalance::test
