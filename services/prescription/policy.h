#ifndef COREBALANCE_SERVICES_PRESCRIPTION_POLICY_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_POLICY_H_

#include "absl/status/statusor.h"
#include "corebalance/config/v1/policy.pb.h"
#include "services/prescription/rules/dose.h"
#include "services/prescription/rules/reduced_dose.h"

namespace corebalance::prescription {

// The clinic's dose policies, the clinical reference's defaults unless the
// policy file says otherwise.
struct DoseRules {
  ReducedDosePolicy reduced;
  DoseLimits limits;
};

// The defaults with every field the policy file sets replaced.
// INVALID_ARGUMENT naming the file's field when a value makes no sense (a
// percentage outside 1..100, a minimum below 1, a limit below 1).
absl::StatusOr<DoseRules> DoseRulesFromConfig(
    const config::v1::PrescriptionPolicy& config);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_POLICY_H_
