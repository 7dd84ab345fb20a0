#ifndef COREBALANCE_SERVICES_SERVER_TARGETS_H_
#define COREBALANCE_SERVICES_SERVER_TARGETS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace corebalance::server {

// The services one process can host (--target). Later issues add intake,
// prescription and progress here as they come to exist.
enum class Target { kAccess, kIntake, kPrescription, kProgress };

std::vector<Target> AllTargets();
absl::string_view TargetName(Target target);

// "all" or a comma list such as "access". INVALID_ARGUMENT naming the
// unknown entry and the valid ones.
absl::StatusOr<std::vector<Target>> ParseTargets(absl::string_view spec);

bool Hosts(const std::vector<Target>& targets, Target target);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_TARGETS_H_
