#ifndef COREBALANCE_SERVICES_SERVER_POLICY_FILE_H_
#define COREBALANCE_SERVICES_SERVER_POLICY_FILE_H_

#include <string>

#include "absl/status/statusor.h"
#include "corebalance/config/v1/policy.pb.h"

namespace corebalance::server {

// Reads the clinic policy JSON file (protobuf JSON mapping). Unknown fields
// are errors, so a misspelt policy never silently falls back to a default.
// An empty path gives the all-defaults policy.
absl::StatusOr<config::v1::ServerPolicy> LoadPolicyFile(
    const std::string& path);

// The policy in `json`, as LoadPolicyFile reads a file's text; the error
// message is the parser's alone.
absl::StatusOr<config::v1::ServerPolicy> ParsePolicyJson(
    const std::string& json);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_POLICY_FILE_H_
