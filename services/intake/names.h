#ifndef COREBALANCE_SERVICES_INTAKE_NAMES_H_
#define COREBALANCE_SERVICES_INTAKE_NAMES_H_

// Resource names of the intake service (AIP-122).

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace corebalance::intake {

// "patients/{patient_id}".
std::string PatientName(absl::string_view patient_id);
// "patients/{patient_id}/assessments/{assessment_id}".
std::string AssessmentName(absl::string_view patient_id,
                           absl::string_view assessment_id);

struct AssessmentId {
  std::string patient_id;
  std::string assessment_id;
};

// The patient id of "patients/{id}", or empty when malformed.
std::string ParsePatientName(absl::string_view name);
// nullopt when `name` is not "patients/{p}/assessments/{a}".
std::optional<AssessmentId> ParseAssessmentName(absl::string_view name);

// "planTemplates/{template}".
std::string PlanTemplateName(absl::string_view template_id);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_NAMES_H_
