#include "services/prescription/rules/plan_state.h"

#include <optional>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace corebalance::prescription {
namespace {

constexpr std::optional<PlanState> kRefused = std::nullopt;

struct TransitionCase {
  PlanState from;
  PlanAction action;
  std::optional<PlanState> to;
};

TEST(ApplyPlanAction, AllowsExactlyTheDocumentedTransitions) {
  using enum PlanState;
  using enum PlanAction;
  const TransitionCase cases[] = {
      {kActive, kPause, kPaused},        {kActive, kResume, kRefused},
      {kActive, kComplete, kCompleted},  {kActive, kCancel, kCancelled},
      {kActive, kAdjust, kActive},

      {kPaused, kPause, kRefused},       {kPaused, kResume, kActive},
      {kPaused, kComplete, kCompleted},  {kPaused, kCancel, kCancelled},
      {kPaused, kAdjust, kPaused},

      {kCompleted, kPause, kRefused},    {kCompleted, kResume, kRefused},
      {kCompleted, kComplete, kRefused}, {kCompleted, kCancel, kRefused},
      {kCompleted, kAdjust, kRefused},

      {kCancelled, kPause, kRefused},    {kCancelled, kResume, kRefused},
      {kCancelled, kComplete, kRefused}, {kCancelled, kCancel, kRefused},
      {kCancelled, kAdjust, kRefused},
  };
  for (const TransitionCase& c : cases) {
    SCOPED_TRACE(testing::Message() << PlanActionVerb(c.action) << " from "
                                    << PlanStateName(c.from));
    const absl::StatusOr<PlanState> next = ApplyPlanAction(c.from, c.action);
    if (c.to.has_value()) {
      ASSERT_TRUE(next.ok()) << next.status();
      EXPECT_EQ(*next, *c.to);
    } else {
      EXPECT_EQ(next.status().code(), absl::StatusCode::kFailedPrecondition);
    }
  }
}

TEST(ApplyPlanAction, RefusalSaysWhatAndWhy) {
  EXPECT_EQ(ApplyPlanAction(PlanState::kActive, PlanAction::kResume)
                .status()
                .message(),
            "cannot resume a plan that is ACTIVE");
  EXPECT_EQ(ApplyPlanAction(PlanState::kCancelled, PlanAction::kAdjust)
                .status()
                .message(),
            "cannot adjust a plan that is CANCELLED");
}

TEST(PlanState, NamesAndFhirStatuses) {
  EXPECT_EQ(PlanStateName(PlanState::kPaused), "PAUSED");
  EXPECT_EQ(FhirCarePlanStatus(PlanState::kActive), "active");
  EXPECT_EQ(FhirCarePlanStatus(PlanState::kPaused), "on-hold");
  EXPECT_EQ(FhirCarePlanStatus(PlanState::kCompleted), "completed");
  EXPECT_EQ(FhirCarePlanStatus(PlanState::kCancelled), "revoked");
  EXPECT_FALSE(IsTerminal(PlanState::kActive));
  EXPECT_FALSE(IsTerminal(PlanState::kPaused));
  EXPECT_TRUE(IsTerminal(PlanState::kCompleted));
  EXPECT_TRUE(IsTerminal(PlanState::kCancelled));
}

}  // namespace
}  // namespace corebalance::prescription
