#include "services/prescription/plan_history.h"

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"

namespace corebalance::prescription {
namespace {

using ::testing::ElementsAre;

const absl::Time kAssigned = absl::FromUnixSeconds(1'800'000'000);
const absl::Time kLater = kAssigned + absl::Hours(24);

PlanContent Foundation() {
  return {"foundation",
          v1::DOSE_LEVEL_STANDARD,
          {{"cat-camel", {.sets = 1, .reps = 5}},
           {"glute-bridge", {.sets = 1, .reps = 10, .hold_seconds = 5}},
           {"walking", {.duration_minutes = 10, .frequency_per_week = 7}}}};
}

PlanRecord Assigned() {
  PlanRecord plan;
  plan.id = "plan1";
  plan.clinic_id = 7;
  plan.patient_id = "pat1";
  plan.content = Foundation();
  plan.assigned_by = "staffMembers/alice";
  return AssignedPlan(plan, kAssigned).plan;
}

TEST(DescribeChanges, NamesEachDifference) {
  PlanContent after = Foundation();
  after.template_slug = "stability";
  after.dose_level = v1::DOSE_LEVEL_REDUCED;
  after.exercises.erase(after.exercises.begin());  // cat-camel
  after.exercises[0].dose.sets = 2;
  after.exercises.push_back(
      {"bird-dog", {.sets = 2, .reps = 8, .per_side = true}});
  EXPECT_THAT(
      DescribeChanges(Foundation(), after),
      ElementsAre(
          "plan_template: planTemplates/foundation -> planTemplates/stability",
          "dose_level: DOSE_LEVEL_STANDARD -> DOSE_LEVEL_REDUCED",
          "removed exercises/cat-camel",
          "exercises/glute-bridge: 1 x 10 reps, 5 s hold -> 2 x 10 reps, 5 s "
          "hold",
          "added exercises/bird-dog: 2 x 8 reps per side"));
}

TEST(DescribeChanges, ReorderingAndNothing) {
  PlanContent swapped = Foundation();
  std::swap(swapped.exercises[0], swapped.exercises[1]);
  EXPECT_THAT(DescribeChanges(Foundation(), swapped),
              ElementsAre("exercises reordered"));
  EXPECT_THAT(DescribeChanges(Foundation(), Foundation()),
              ElementsAre("no change"));
}

TEST(AssignedPlan, IsRevisionOneActiveWithASnapshot) {
  PlanRecord plan;
  plan.id = "plan1";
  plan.patient_id = "pat1";
  plan.content = Foundation();
  plan.assigned_by = "staffMembers/alice";
  plan.override_reason = "cleared by imaging";
  const PlanChange change = AssignedPlan(plan, kAssigned);
  EXPECT_EQ(change.plan.state, v1::Plan::STATE_ACTIVE);
  EXPECT_EQ(change.plan.revision, 1);
  EXPECT_EQ(change.plan.adjust_time, kAssigned);
  EXPECT_EQ(change.revision.revision, 1);
  EXPECT_EQ(change.revision.action, v1::PlanRevision::ACTION_ASSIGN);
  EXPECT_EQ(change.revision.actor, "staffMembers/alice");
  EXPECT_EQ(change.revision.reason, "cleared by imaging");
  EXPECT_EQ(change.revision.content.exercises, plan.content.exercises);
}

TEST(PlanAfter, MovesTheStateAndRecordsWhoAndWhy) {
  auto paused = PlanAfter(Assigned(), PlanAction::kPause, "staffMembers/bob",
                          "flare-up", kLater);
  ASSERT_TRUE(paused.ok()) << paused.status();
  EXPECT_EQ(paused->plan.state, v1::Plan::STATE_PAUSED);
  EXPECT_EQ(paused->plan.revision, 2);
  EXPECT_EQ(paused->plan.state_reason, "flare-up");
  EXPECT_EQ(paused->plan.adjust_time, kAssigned) << "pausing adjusts nothing";
  EXPECT_FALSE(paused->plan.end_time);
  EXPECT_EQ(paused->revision.action, v1::PlanRevision::ACTION_PAUSE);
  EXPECT_THAT(paused->revision.changes, ElementsAre("state: ACTIVE -> PAUSED"));

  auto cancelled = PlanAfter(paused->plan, PlanAction::kCancel,
                             "staffMembers/bob", "moved away", kLater);
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->plan.state, v1::Plan::STATE_CANCELLED);
  EXPECT_EQ(cancelled->plan.end_time, kLater);
}

TEST(PlanAfter, RefusesWrongStatesNamingThePlan) {
  auto resumed = PlanAfter(Assigned(), PlanAction::kResume, "staffMembers/bob",
                           "why", kLater);
  EXPECT_EQ(resumed.status().code(), absl::StatusCode::kFailedPrecondition);
  auto payload = resumed.status().GetPayload(
      "type.googleapis.com/google.rpc.PreconditionFailure");
  ASSERT_TRUE(payload);
  google::rpc::PreconditionFailure failure;
  ASSERT_TRUE(failure.ParseFromString(std::string(*payload)));
  ASSERT_EQ(failure.violations_size(), 1);
  EXPECT_EQ(failure.violations(0).subject(), "patients/pat1/plans/plan1");

  auto done = PlanAfter(Assigned(), PlanAction::kComplete, "a", "done", kLater);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(AdjustedPlan(done->plan, Foundation(), "a", "again", kLater)
                .status()
                .code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(AdjustedPlan, IsANewRevisionWithTheDifferences) {
  PlanContent next = Foundation();
  next.exercises.pop_back();
  auto adjusted =
      AdjustedPlan(Assigned(), next, "staffMembers/bob", "no time", kLater);
  ASSERT_TRUE(adjusted.ok()) << adjusted.status();
  EXPECT_EQ(adjusted->plan.revision, 2);
  EXPECT_EQ(adjusted->plan.adjust_time, kLater);
  EXPECT_EQ(adjusted->plan.content.exercises.size(), 2u);
  EXPECT_EQ(adjusted->revision.reason, "no time");
  EXPECT_THAT(adjusted->revision.changes,
              ElementsAre("removed exercises/walking"));
}

TEST(SupersededPlan, CompletesItNamingTheSuccessor) {
  const PlanChange change =
      SupersededPlan(Assigned(), "plan2", "staffMembers/bob", kLater);
  EXPECT_EQ(change.plan.state, v1::Plan::STATE_COMPLETED);
  EXPECT_EQ(change.plan.superseded_by, "plan2");
  EXPECT_EQ(change.plan.end_time, kLater);
  EXPECT_EQ(change.revision.action, v1::PlanRevision::ACTION_COMPLETE);
  EXPECT_EQ(change.revision.reason, "superseded by patients/pat1/plans/plan2");
}

}  // namespace
}  // namespace corebalance::prescription
