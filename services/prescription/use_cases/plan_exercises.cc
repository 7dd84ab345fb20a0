#include "services/prescription/use_cases/plan_exercises.h"

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/status_macros.h"
#include "services/prescription/names.h"

namespace corebalance::prescription {

absl::StatusOr<std::vector<PlanExerciseRecord>> ResolvePlanExercises(
    CatalogueRepository& catalogue, int64_t clinic_id,
    const std::string& template_slug,
    const std::vector<RequestedExercise>& requested, v1::DoseLevel dose_level,
    const DoseRules& rules, absl::Time deadline) {
  absl::StatusOr<TemplateRecord> plan_template =
      catalogue.GetTemplate(clinic_id, template_slug, deadline);
  // An unknown template is the request's mistake.
  if (absl::IsNotFound(plan_template.status())) {
    return InvalidArgumentError(
        "plan.plan_template",
        absl::StrCat("no such plan template: ", TemplateName(template_slug)));
  }
  CB_RETURN_IF_ERROR(plan_template.status());
  CB_ASSIGN_OR_RETURN(auto known, catalogue.DefaultDoses(clinic_id, deadline));
  return BuildPlanExercises(requested, plan_template->exercises, dose_level,
                            known, rules, "plan.exercises");
}

}  // namespace corebalance::prescription
