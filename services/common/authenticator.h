#ifndef COREBALANCE_SERVICES_COMMON_AUTHENTICATOR_H_
#define COREBALANCE_SERVICES_COMMON_AUTHENTICATOR_H_

#include <grpcpp/channel.h>

#include <memory>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "corebalance/v1/access_internal.grpc.pb.h"
#include "services/common/internal_key.h"
#include "services/common/principal.h"

namespace corebalance {

// Resolves bearer tokens to principals through AccessInternalService (an
// in-process channel when co-hosted), caching answers briefly so that auth is
// not a round trip per call. A revoked token stops working within `ttl`.
class Authenticator {
 public:
  struct Options {
    absl::Duration ttl = absl::Seconds(5);
    absl::Duration negative_ttl = absl::Seconds(1);
    size_t max_entries = 10000;
  };

  Authenticator(std::shared_ptr<grpc::Channel> access_channel,
                std::string internal_key, Options options);

  // UNAUTHENTICATED for an unknown, revoked or expired token; UNAVAILABLE when
  // the access service cannot be reached before `deadline`.
  absl::StatusOr<Principal> Authenticate(absl::string_view token,
                                         absl::Time deadline);

 private:
  struct Entry {
    bool active = false;
    Principal principal;
    absl::Time expires;
  };

  absl::StatusOr<Entry> Introspect(absl::string_view token,
                                   absl::Time deadline);

  std::unique_ptr<v1::AccessInternalService::Stub> stub_;
  const std::string internal_key_;
  const Options options_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> cache_ ABSL_GUARDED_BY(mu_);
};

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_AUTHENTICATOR_H_
