#ifndef COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_CHANGE_PLAN_STATE_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_CHANGE_PLAN_STATE_H_

// Pausing, resuming, completing and cancelling a plan: the same steps with
// another action (rules/plan_state.h says which moves are allowed).

#include <string>

#include "absl/status/statusor.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/prescription/names.h"
#include "services/prescription/plan_history.h"
#include "services/prescription/records.h"
#include "services/prescription/repositories/plan_repository.h"

namespace corebalance::prescription {

struct ChangePlanStateInput {
  PlanKey plan;
  PlanAction action = PlanAction::kPause;
  std::string reason;
  // Empty: no optimistic check (a change that got in first is retried on).
  std::string etag;
};

class ChangePlanState {
 public:
  ChangePlanState(outbox::Transactions* tx, PlanRepository* plans)
      : tx_(tx), plans_(plans) {}

  // The plan in its new state. FAILED_PRECONDITION when the plan's state
  // does not allow the action; ABORTED when `etag` is not the plan's.
  absl::StatusOr<PlanRecord> Run(const Caller& caller,
                                 const ChangePlanStateInput& input,
                                 outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  PlanRepository* plans_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_CHANGE_PLAN_STATE_H_
