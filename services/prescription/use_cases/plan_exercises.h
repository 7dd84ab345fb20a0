#ifndef COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_PLAN_EXERCISES_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_PLAN_EXERCISES_H_

// The exercises a plan gets, shared by AssignPlan and AdjustPlan: the
// catalogue's template and default doses, then BuildPlanExercises.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/prescription/plan_builder.h"
#include "services/prescription/policy.h"
#include "services/prescription/records.h"
#include "services/prescription/repositories/catalogue_repository.h"

namespace corebalance::prescription {

// INVALID_ARGUMENT naming plan.plan_template when the clinic sees no
// template `template_slug`, or naming plan.exercises[i] as
// BuildPlanExercises says.
absl::StatusOr<std::vector<PlanExerciseRecord>> ResolvePlanExercises(
    CatalogueRepository& catalogue, int64_t clinic_id,
    const std::string& template_slug,
    const std::vector<RequestedExercise>& requested, v1::DoseLevel dose_level,
    const DoseRules& rules, absl::Time deadline);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_PLAN_EXERCISES_H_
