#include "services/server/policy_file.h"

#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace corebalance::server {

absl::StatusOr<config::v1::ServerPolicy> LoadPolicyFile(
    const std::string& path) {
  if (path.empty()) return config::v1::ServerPolicy();
  std::ifstream in(path);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("--policy-file: cannot read \"", path, "\""));
  }
  std::stringstream text;
  text << in.rdbuf();
  auto policy = ParsePolicyJson(text.str());
  if (!policy.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--policy-file ", path, ": ", policy.status().message()));
  }
  return policy;
}

absl::StatusOr<config::v1::ServerPolicy> ParsePolicyJson(
    const std::string& json) {
  config::v1::ServerPolicy policy;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status =
      google::protobuf::util::JsonStringToMessage(json, &policy, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(std::string(status.message()));
  }
  return policy;
}

}  // namespace corebalance::server
