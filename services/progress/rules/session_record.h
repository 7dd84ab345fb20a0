#ifndef COREBALANCE_SERVICES_PROGRESS_RULES_SESSION_RECORD_H_
#define COREBALANCE_SERVICES_PROGRESS_RULES_SESSION_RECORD_H_

// What the recommendation and alert rules need to know about one logged
// exercise session.

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "services/progress/rules/traffic_light.h"

namespace corebalance::progress {

struct SessionRecord {
  std::string id = {};
  absl::Time performed_at = {};
  // The current classification (after the 24 h re-classification, if any).
  TrafficLight light = TrafficLight::kGreen;
  std::optional<int> pain_before = {};
  // Catalogue slugs of the plan's exercises done and skipped this session.
  std::vector<std::string> exercises_done = {};
  std::vector<std::string> exercises_skipped = {};
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_RULES_SESSION_RECORD_H_
