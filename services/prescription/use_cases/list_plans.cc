#include "services/prescription/use_cases/list_plans.h"

#include "services/common/status_macros.h"
#include "services/prescription/names.h"

namespace corebalance::prescription {

absl::StatusOr<std::vector<PlanRecord>> ListPlans::Run(
    const Caller& caller, const PlanListQuery& query) {
  CB_ASSIGN_OR_RETURN(
      std::vector<PlanRecord> plans,
      plans_->ListPlans(caller.clinic_id, query.patient_id, query.state,
                        query.cursor, query.limit, caller.deadline));
  if (plans.empty() && !query.patient_id.empty() && !query.cursor) {
    CB_RETURN_IF_ERROR(
        intake_->CheckPatient(PatientName(query.patient_id), caller));
  }
  return plans;
}

}  // namespace corebalance::prescription
