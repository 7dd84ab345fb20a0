#ifndef COREBALANCE_SERVICES_COMMON_PRINCIPAL_H_
#define COREBALANCE_SERVICES_COMMON_PRINCIPAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corebalance/v1/access.pb.h"

namespace corebalance {

// Who is calling, as resolved from the bearer token. Every query filters by
// clinic_id, so one clinic never sees another's data.
struct Principal {
  int64_t clinic_id = 0;
  std::string clinic_display_name;
  // "staffMembers/{id}" or, for integrations, "apiTokens/{id}".
  std::string name;
  std::string display_name;
  v1::Role role = v1::ROLE_UNSPECIFIED;
  std::vector<std::string> scopes;
  // "apiTokens/{id}" of the token presented.
  std::string api_token;
};

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_PRINCIPAL_H_
