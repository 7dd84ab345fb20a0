#ifndef COREBALANCE_SERVICES_ACCESS_NAMES_H_
#define COREBALANCE_SERVICES_ACCESS_NAMES_H_

// Resource names of the access service (AIP-122).

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace corebalance::access {

// "staffMembers/{id}".
inline std::string StaffMemberName(absl::string_view id) {
  return absl::StrCat("staffMembers/", id);
}

// "apiTokens/{id}".
inline std::string ApiTokenName(absl::string_view id) {
  return absl::StrCat("apiTokens/", id);
}

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_NAMES_H_
