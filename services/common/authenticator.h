#ifndef COREBALANCE_SERVICES_COMMON_AUTHENTICATOR_H_
#define COREBALANCE_SERVICES_COMMON_AUTHENTICATOR_H_

#include <grpcpp/channel.h>

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "corebalance/v1/access_internal.grpc.pb.h"
#include "services/common/internal_key.h"
#include "services/common/lru_cache.h"
#include "services/common/principal.h"
#include "services/common/rate_limiter.h"

namespace corebalance {

// Resolves bearer tokens to principals through AccessInternalService (an
// in-process channel when co-hosted), caching answers briefly so that auth is
// not a round trip per call. A revoked token stops working within `ttl`.
//
// Made to hold under a spray of made-up tokens: valid and unknown tokens are
// cached apart (a spray evicts only other unknown tokens), concurrent calls
// with one uncached token make one introspection, and each client address
// gets only so many introspections of uncached tokens per second.
class Authenticator {
 public:
  struct Options {
    absl::Duration ttl = absl::Seconds(5);
    absl::Duration negative_ttl = absl::Seconds(1);
    // Valid tokens kept (least recently used forgotten first).
    size_t max_entries = 10000;
    // Unknown, revoked or expired tokens kept.
    size_t max_negative_entries = 1000;
    // Introspections of uncached tokens per client address and second, and
    // the burst allowed; client addresses remembered for that.
    double unknown_per_second = 20;
    double unknown_burst = 100;
    size_t max_clients = 10000;
  };

  Authenticator(std::shared_ptr<grpc::Channel> access_channel,
                std::string internal_key, Options options);

  // UNAUTHENTICATED for an unknown, revoked or expired token; UNAVAILABLE when
  // the access service cannot be reached before `deadline`;
  // RESOURCE_EXHAUSTED when `client` (an address; empty for this
  // deployment's own services) sent too many uncached tokens lately.
  absl::StatusOr<Principal> Authenticate(absl::string_view token,
                                         absl::Time deadline,
                                         const std::string& client = {});

  // How many introspections went to AccessService (for tests and metrics).
  int64_t introspections() const { return introspections_.load(); }

 private:
  struct Entry {
    bool active = false;
    Principal principal;
    absl::Time expires;
  };
  // One introspection under way; the callers with the same token wait on it.
  struct Flight {
    absl::Notification done;
    absl::StatusOr<Entry> result;
  };

  // What the caches say of a token: an answer still fresh, or that it was
  // valid when last verified (its entry past the ttl is kept until the LRU
  // drops it, so its re-verification is not an unknown token's: a spray
  // from the caller's address cannot lock it out).
  struct Lookup {
    std::optional<Entry> fresh;
    bool was_valid = false;
  };
  Lookup Cached(const std::string& key, absl::Time now)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<Entry> IntrospectOnce(const std::string& key,
                                       absl::string_view token,
                                       absl::Time deadline);
  absl::StatusOr<Entry> Introspect(absl::string_view token,
                                   absl::Time deadline);

  std::unique_ptr<v1::AccessInternalService::Stub> stub_;
  const std::string internal_key_;
  const Options options_;
  RateLimiter unknown_by_client_;
  std::atomic<int64_t> introspections_{0};
  absl::Mutex mu_;
  LruCache<std::string, Entry> valid_ ABSL_GUARDED_BY(mu_);
  LruCache<std::string, Entry> invalid_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::shared_ptr<Flight>> in_flight_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_AUTHENTICATOR_H_
