#include "services/prescription/names.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "services/common/resource_id.h"

namespace corebalance::prescription {

std::string ExerciseName(absl::string_view slug) {
  return absl::StrCat("exercises/", slug);
}

std::string TemplateName(absl::string_view slug) {
  return absl::StrCat("planTemplates/", slug);
}

std::string PatientName(absl::string_view patient_id) {
  return absl::StrCat("patients/", patient_id);
}

std::string PlanName(absl::string_view patient_id, absl::string_view plan_id) {
  return absl::StrCat("patients/", patient_id, "/plans/", plan_id);
}

std::string RevisionName(absl::string_view patient_id,
                         absl::string_view plan_id, int revision) {
  return absl::StrCat(PlanName(patient_id, plan_id), "/revisions/", revision);
}

std::optional<PlanKey> ParsePlanName(absl::string_view name) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 4 || parts[0] != "patients" || parts[2] != "plans" ||
      !IsValidResourceId(parts[1]) || !IsValidResourceId(parts[3])) {
    return std::nullopt;
  }
  return PlanKey{std::string(parts[1]), std::string(parts[3])};
}

}  // namespace corebalance::prescription
