#ifndef COREBALANCE_SERVICES_COMMON_RATE_LIMITER_H_
#define COREBALANCE_SERVICES_COMMON_RATE_LIMITER_H_

// A token bucket per key (e.g. per client address): `rate` events per
// second, bursts up to `burst`. Keys are kept in a bounded LRU, so a caller
// choosing keys cannot grow it; a forgotten key starts with a full bucket.

#include <algorithm>
#include <string>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/common/lru_cache.h"

namespace corebalance {

class RateLimiter {
 public:
  RateLimiter(double rate, double burst, size_t max_keys)
      : rate_(rate), burst_(burst), buckets_(max_keys) {}

  // Takes one event from `key`'s bucket at `now`; false when it is empty.
  bool Allow(const std::string& key, absl::Time now) {
    absl::MutexLock lock(&mu_);
    Bucket* bucket = buckets_.Find(key);
    if (bucket == nullptr) {
      buckets_.Put(key, Bucket{burst_, now});
      bucket = buckets_.Find(key);
    }
    const double elapsed =
        std::max(0.0, absl::ToDoubleSeconds(now - bucket->at));
    bucket->tokens = std::min(burst_, bucket->tokens + elapsed * rate_);
    bucket->at = now;
    if (bucket->tokens < 1) return false;
    bucket->tokens -= 1;
    return true;
  }

 private:
  struct Bucket {
    double tokens;
    absl::Time at;
  };

  const double rate_;
  const double burst_;
  absl::Mutex mu_;
  LruCache<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_RATE_LIMITER_H_
