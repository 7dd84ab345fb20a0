#include "services/prescription/rules/plan_state.h"

#include <string>

#include "absl/status/status.h"

namespace corebalance::prescription {

std::string_view PlanStateName(PlanState state) {
  switch (state) {
    case PlanState::kActive:
      return "ACTIVE";
    case PlanState::kPaused:
      return "PAUSED";
    case PlanState::kCompleted:
      return "COMPLETED";
    case PlanState::kCancelled:
      return "CANCELLED";
  }
  return "UNKNOWN";
}

std::string_view PlanActionVerb(PlanAction action) {
  switch (action) {
    case PlanAction::kPause:
      return "pause";
    case PlanAction::kResume:
      return "resume";
    case PlanAction::kComplete:
      return "complete";
    case PlanAction::kCancel:
      return "cancel";
    case PlanAction::kAdjust:
      return "adjust";
  }
  return "unknown";
}

std::string_view FhirCarePlanStatus(PlanState state) {
  switch (state) {
    case PlanState::kActive:
      return "active";
    case PlanState::kPaused:
      return "on-hold";
    case PlanState::kCompleted:
      return "completed";
    case PlanState::kCancelled:
      return "revoked";
  }
  return "unknown";
}

bool IsTerminal(PlanState state) {
  return state == PlanState::kCompleted || state == PlanState::kCancelled;
}

absl::StatusOr<PlanState> ApplyPlanAction(PlanState current,
                                          PlanAction action) {
  const bool open = !IsTerminal(current);
  switch (action) {
    case PlanAction::kPause:
      if (current == PlanState::kActive) return PlanState::kPaused;
      break;
    case PlanAction::kResume:
      if (current == PlanState::kPaused) return PlanState::kActive;
      break;
    case PlanAction::kComplete:
      if (open) return PlanState::kCompleted;
      break;
    case PlanAction::kCancel:
      if (open) return PlanState::kCancelled;
      break;
    case PlanAction::kAdjust:
      if (open) return current;
      break;
  }
  // std::string: this Abseil's string_view is not std::string_view.
  return absl::FailedPreconditionError(
      "cannot " + std::string(PlanActionVerb(action)) + " a plan that is " +
      std::string(PlanStateName(current)));
}

}  // namespace corebalance::prescription
