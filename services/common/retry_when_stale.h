#ifndef COREBALANCE_SERVICES_COMMON_RETRY_WHEN_STALE_H_
#define COREBALANCE_SERVICES_COMMON_RETRY_WHEN_STALE_H_

// Optimistic concurrency (AIP-154), written once. With an etag the caller
// asked for the check: a stale etag (ABORTED) is the answer. Without one, a
// change that lost to a concurrent one is simply tried again on a fresh
// read, a few times.

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"

namespace corebalance {

inline constexpr int kStaleAttempts = 3;

// Runs `attempt` (read, decide, write) until it is not ABORTED, at most
// `kStaleAttempts` times, and only once when `etag_given`.
inline absl::Status RetryWhenStale(bool etag_given,
                                   absl::FunctionRef<absl::Status()> attempt) {
  for (int n = 1;; ++n) {
    absl::Status s = attempt();
    if (!absl::IsAborted(s) || etag_given || n >= kStaleAttempts) return s;
  }
}

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_RETRY_WHEN_STALE_H_
