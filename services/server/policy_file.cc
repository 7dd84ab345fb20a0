#include "services/server/policy_file.h"

#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace corebalance::server {

absl::StatusOr<config::v1::ServerPolicy> LoadPolicyFile(
    const std::string& path) {
  config::v1::ServerPolicy policy;
  if (path.empty()) return policy;
  std::ifstream in(path);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("--policy-file: cannot read \"", path, "\""));
  }
  std::stringstream text;
  text << in.rdbuf();
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status =
      google::protobuf::util::JsonStringToMessage(text.str(), &policy, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--policy-file ", path, ": ", std::string(status.message())));
  }
  return policy;
}

}  // namespace corebalance::server
