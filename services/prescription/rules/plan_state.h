#ifndef COREBALANCE_SERVICES_PRESCRIPTION_RULES_PLAN_STATE_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_RULES_PLAN_STATE_H_

// The life of an assigned plan: ACTIVE <-> PAUSED, then COMPLETED or
// CANCELLED for good.

#include <string_view>

#include "absl/status/statusor.h"

namespace corebalance::prescription {

enum class PlanState { kActive, kPaused, kCompleted, kCancelled };

enum class PlanAction { kPause, kResume, kComplete, kCancel, kAdjust };

// "ACTIVE", "PAUSED", "COMPLETED", "CANCELLED".
std::string_view PlanStateName(PlanState state);

// "pause", "resume", "complete", "cancel", "adjust".
std::string_view PlanActionVerb(PlanAction action);

// The FHIR CarePlan.status of a state: active, on-hold, completed, revoked.
std::string_view FhirCarePlanStatus(PlanState state);

// COMPLETED and CANCELLED accept no further action.
bool IsTerminal(PlanState state);

// The state after `action`, or FAILED_PRECONDITION such as
// "cannot resume a plan that is ACTIVE":
//   pause:    ACTIVE -> PAUSED
//   resume:   PAUSED -> ACTIVE
//   complete: ACTIVE | PAUSED -> COMPLETED
//   cancel:   ACTIVE | PAUSED -> CANCELLED
//   adjust:   ACTIVE | PAUSED, state unchanged (a new plan revision)
absl::StatusOr<PlanState> ApplyPlanAction(PlanState current, PlanAction action);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_RULES_PLAN_STATE_H_
