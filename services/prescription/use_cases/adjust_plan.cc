#include "services/prescription/use_cases/adjust_plan.h"

#include "services/common/retry_when_stale.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/prescription/plan_history.h"
#include "services/prescription/request_checks.h"
#include "services/prescription/use_cases/plan_events.h"
#include "services/prescription/use_cases/plan_exercises.h"

namespace corebalance::prescription {

absl::StatusOr<PlanRecord> AdjustPlan::Run(const Caller& caller,
                                           const AdjustPlanInput& input,
                                           outbox::ChangeEvents& events) {
  return RetryWhenStale(!input.etag.empty(),
                        [&] { return TryOnce(caller, input, events); });
}

absl::StatusOr<PlanRecord> AdjustPlan::TryOnce(const Caller& caller,
                                               const AdjustPlanInput& input,
                                               outbox::ChangeEvents& events) {
  const std::string name = PlanName(input.plan.patient_id, input.plan.plan_id);
  CB_ASSIGN_OR_RETURN(PlanRecord current,
                      plans_->GetPlan(caller.clinic_id, input.plan.patient_id,
                                      input.plan.plan_id, caller.deadline));
  CB_RETURN_IF_ERROR(CheckEtag(input.etag, current.revision, name));
  PlanContent content = current.content;
  if (input.dose_level) content.dose_level = *input.dose_level;
  if (input.template_slug) content.template_slug = *input.template_slug;
  // A state problem outranks input problems: check it before resolving.
  CB_RETURN_IF_ERROR(
      AdjustedPlan(current, content, "", "", NowMicros()).status());
  CB_ASSIGN_OR_RETURN(
      content.exercises,
      ResolvePlanExercises(
          *catalogue_, caller.clinic_id, content.template_slug,
          input.exercises.value_or(std::vector<RequestedExercise>{}),
          content.dose_level, rules_, caller.deadline));
  CB_ASSIGN_OR_RETURN(PlanChange change,
                      AdjustedPlan(current, std::move(content), caller.actor,
                                   input.reason, NowMicros()));
  return tx_->Commit(caller.deadline, events,
                     [&](store::Connection& c) -> absl::StatusOr<PlanRecord> {
                       CB_RETURN_IF_ERROR(plans_->WriteChange(c, change));
                       AddPlanEvent("plan.adjusted", change.plan, events);
                       return change.plan;
                     });
}

}  // namespace corebalance::prescription
