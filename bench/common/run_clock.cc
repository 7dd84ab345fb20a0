#include "bench/common/run_clock.h"

#include <algorithm>

#include "absl/time/clock.h"

namespace corebalance::bench {

RunClock::RunClock(absl::Duration warmup, absl::Duration duration,
                   int64_t requests)
    : warmup_(warmup), duration_(duration), requests_(requests) {}

void RunClock::Start() {
  start_ = absl::Now();
  measure_start_ = start_ + warmup_;
  absl::MutexLock lock(&mu_);
  last_end_ = measure_start_;
}

RunClock::Phase RunClock::NextCall() {
  const absl::Time now = absl::Now();
  if (now < measure_start_) return Phase::kWarmup;
  if (requests_ > 0) {
    return issued_.fetch_add(1) < requests_ ? Phase::kMeasure : Phase::kStop;
  }
  return now < measure_start_ + duration_ ? Phase::kMeasure : Phase::kStop;
}

void RunClock::MeasuredCallEnded(absl::Time at) {
  absl::MutexLock lock(&mu_);
  last_end_ = std::max(last_end_, at);
}

double RunClock::MeasuredSeconds() const {
  absl::MutexLock lock(&mu_);
  return absl::ToDoubleSeconds(last_end_ - measure_start_);
}

}  // namespace corebalance::bench
