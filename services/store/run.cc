#include "services/store/run.h"

#include <random>

#include "absl/time/clock.h"

namespace corebalance::store::internal {

bool ExecuteOrBreak(Pool::Lease& lease, const char* sql) {
  try {
    lease->Execute(sql);
    return true;
  } catch (const sql::SQLException&) {
    // The session's transaction state is unknown: never reuse it.
    lease.MarkBroken();
    return false;
  }
}

absl::Duration RetryBackoff(const TransactionOptions& options, int attempt) {
  thread_local std::minstd_rand random{std::random_device{}()};
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  const int doublings = attempt > 1 ? std::min(attempt - 1, 10) : 0;
  return options.base_backoff * (1 << doublings) * jitter(random);
}

void SleepFor(absl::Duration d) { absl::SleepFor(d); }

}  // namespace corebalance::store::internal
