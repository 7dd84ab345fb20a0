#ifndef COREBALANCE_SERVICES_INTAKE_POLICY_H_
#define COREBALANCE_SERVICES_INTAKE_POLICY_H_

#include "absl/status/statusor.h"
#include "corebalance/config/v1/policy.pb.h"
#include "services/intake/rules/scoring_policy.h"

namespace corebalance::intake {

// The clinic's scoring policy: the reference defaults with every field the
// policy file sets replaced. INVALID_ARGUMENT, naming the policy file's
// field, when the result is inconsistent (ValidateScoringPolicy).
absl::StatusOr<ScoringPolicy> ScoringPolicyFromConfig(
    const config::v1::IntakePolicy& config);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_POLICY_H_
