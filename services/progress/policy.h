#ifndef COREBALANCE_SERVICES_PROGRESS_POLICY_H_
#define COREBALANCE_SERVICES_PROGRESS_POLICY_H_

// The clinic's progress policy: the rules' defaults, overridden by the
// fields set in the policy file.

#include "absl/status/statusor.h"
#include "corebalance/config/v1/policy.pb.h"
#include "services/progress/rules/alerts.h"
#include "services/progress/rules/recommend.h"
#include "services/progress/rules/traffic_light.h"

namespace corebalance::progress {

struct ProgressRules {
  TrafficLightPolicy traffic_light;
  RecommendationPolicy recommendation;
  AlertPolicy alerts;
};

// INVALID_ARGUMENT naming the field when a value set is out of its range.
absl::StatusOr<ProgressRules> ProgressRulesFromConfig(
    const config::v1::ProgressPolicy& config);

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_POLICY_H_
