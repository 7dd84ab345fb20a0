#ifndef COREBALANCE_SERVICES_COMMON_CALLER_H_
#define COREBALANCE_SERVICES_COMMON_CALLER_H_

// Whom a use case works for, and until when. A handler makes one from its
// RPC (RpcCall::caller()); use cases see no gRPC.

#include <cstdint>
#include <string>

#include "absl/time/time.h"

namespace corebalance {

struct Caller {
  int64_t clinic_id = 0;
  // "staffMembers/{id}" or "apiTokens/{id}": who changed what.
  std::string actor;
  // The caller's own `authorization` header, forwarded on peer calls so the
  // peer applies the same principal and clinic.
  std::string authorization;
  // For log lines only.
  std::string request_id;
  absl::Time deadline;
};

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_CALLER_H_
