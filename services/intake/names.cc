#include "services/intake/names.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "services/common/resource_id.h"
#include "services/common/validation.h"

namespace corebalance::intake {

std::string PatientName(absl::string_view patient_id) {
  return absl::StrCat("patients/", patient_id);
}

std::string AssessmentName(absl::string_view patient_id,
                           absl::string_view assessment_id) {
  return absl::StrCat("patients/", patient_id, "/assessments/", assessment_id);
}

std::string ParsePatientName(absl::string_view name) {
  return IdFromName(name, "patients");
}

std::optional<AssessmentId> ParseAssessmentName(absl::string_view name) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 4 || parts[0] != "patients" ||
      parts[2] != "assessments" || !IsValidResourceId(parts[1]) ||
      !IsValidResourceId(parts[3])) {
    return std::nullopt;
  }
  return AssessmentId{std::string(parts[1]), std::string(parts[3])};
}

std::string PlanTemplateName(absl::string_view template_id) {
  return absl::StrCat("planTemplates/", template_id);
}

}  // namespace corebalance::intake
