#include "services/common/request_headers.h"

#include "absl/strings/strip.h"

namespace corebalance {

std::string BearerTokenOf(absl::string_view authorization) {
  if (!absl::ConsumePrefix(&authorization, "Bearer ") &&
      !absl::ConsumePrefix(&authorization, "bearer ")) {
    return {};
  }
  return std::string(authorization);
}

}  // namespace corebalance
