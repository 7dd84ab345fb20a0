#include "services/prescription/use_cases/change_plan_state.h"

#include "services/common/retry_when_stale.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/prescription/request_checks.h"
#include "services/prescription/use_cases/plan_events.h"

namespace corebalance::prescription {

absl::StatusOr<PlanRecord> ChangePlanState::Run(
    const Caller& caller, const ChangePlanStateInput& input,
    outbox::ChangeEvents& events) {
  const std::string name = PlanName(input.plan.patient_id, input.plan.plan_id);
  return RetryWhenStale(
      !input.etag.empty(), [&]() -> absl::StatusOr<PlanRecord> {
        CB_ASSIGN_OR_RETURN(
            PlanRecord current,
            plans_->GetPlan(caller.clinic_id, input.plan.patient_id,
                            input.plan.plan_id, caller.deadline));
        CB_RETURN_IF_ERROR(CheckEtag(input.etag, current.revision, name));
        CB_ASSIGN_OR_RETURN(PlanChange change,
                            PlanAfter(current, input.action, caller.actor,
                                      input.reason, NowMicros()));
        return tx_->Commit(
            caller.deadline, events,
            [&](store::Connection& c) -> absl::StatusOr<PlanRecord> {
              CB_RETURN_IF_ERROR(plans_->WriteChange(c, change));
              AddPlanEvent(PlanEventType(input.action), change.plan, events);
              return change.plan;
            });
      });
}

}  // namespace corebalance::prescription
