#ifndef COREBALANCE_SERVICES_COMMON_RETRY_WHEN_STALE_H_
#define COREBALANCE_SERVICES_COMMON_RETRY_WHEN_STALE_H_

// Optimistic concurrency (AIP-154), written once. With an etag the caller
// asked for the check: a stale etag (ABORTED) is the answer. Without one, a
// change that lost to a concurrent one is simply tried again on a fresh
// read, a few times.

#include <type_traits>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace corebalance {

inline constexpr int kStaleAttempts = 3;

// Runs `attempt` (read, decide, write; returning absl::Status or
// absl::StatusOr<T>) until it is not ABORTED, at most `kStaleAttempts`
// times, and only once when `etag_given`. Returns the last attempt's result.
template <typename Attempt>
auto RetryWhenStale(bool etag_given, Attempt&& attempt) {
  for (int n = 1;; ++n) {
    auto result = attempt();
    absl::Status status;
    if constexpr (std::is_same_v<decltype(result), absl::Status>) {
      status = result;
    } else {
      status = result.status();
    }
    if (!absl::IsAborted(status) || etag_given || n >= kStaleAttempts) {
      return result;
    }
  }
}

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_RETRY_WHEN_STALE_H_
