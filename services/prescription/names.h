#ifndef COREBALANCE_SERVICES_PRESCRIPTION_NAMES_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_NAMES_H_

// Resource names of PrescriptionService (AIP-122) and their parsing.

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace corebalance::prescription {

std::string ExerciseName(absl::string_view slug);
std::string TemplateName(absl::string_view slug);
std::string PatientName(absl::string_view patient_id);
std::string PlanName(absl::string_view patient_id, absl::string_view plan_id);
std::string RevisionName(absl::string_view patient_id,
                         absl::string_view plan_id, int revision);

struct PlanKey {
  std::string patient_id;
  std::string plan_id;
};

// "patients/{patient}/plans/{plan}" -> its ids; nullopt when malformed.
std::optional<PlanKey> ParsePlanName(absl::string_view name);

// The wildcard parent of ListPlans: every patient of the clinic (AIP-159).
inline constexpr absl::string_view kAllPatients = "patients/-";

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_NAMES_H_
