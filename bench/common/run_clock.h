#ifndef COREBALANCE_BENCH_COMMON_RUN_CLOCK_H_
#define COREBALANCE_BENCH_COMMON_RUN_CLOCK_H_

// When a closed-loop worker may start a call and whether that call counts:
// first a warm-up (calls run but are not recorded), then the measured part,
// fixed by a duration or by a number of calls, then stop. Thread-safe.

#include <atomic>
#include <cstdint>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace corebalance::bench {

class RunClock {
 public:
  enum class Phase { kWarmup, kMeasure, kStop };

  // `requests` > 0: measure that many calls; otherwise `duration`.
  RunClock(absl::Duration warmup, absl::Duration duration, int64_t requests);

  // Starts the warm-up now.
  void Start();
  // The phase of a call about to start; kStop: start no more calls.
  Phase NextCall();
  // A measured call finished at `at`: extends the measured window.
  void MeasuredCallEnded(absl::Time at);
  // The measured window: from the end of the warm-up to the last measured
  // call's end.
  double MeasuredSeconds() const;

  absl::Duration warmup() const { return warmup_; }

 private:
  const absl::Duration warmup_;
  const absl::Duration duration_;
  const int64_t requests_;
  absl::Time start_;
  absl::Time measure_start_;
  std::atomic<int64_t> issued_{0};
  mutable absl::Mutex mu_;
  absl::Time last_end_ ABSL_GUARDED_BY(mu_);
};

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_COMMON_RUN_CLOCK_H_
