#ifndef COREBALANCE_BENCH_LOAD_DRIVER_H_
#define COREBALANCE_BENCH_LOAD_DRIVER_H_

// The closed loop: `in_flight` slots, each starting its next call as soon as
// its last one ends, spread over the connections (slot i uses connection
// i mod N) and over `threads` completion-queue threads.

#include <grpcpp/channel.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "bench/common/run_clock.h"
#include "bench/common/samples.h"
#include "bench/load/scenario.h"

namespace corebalance::bench {

struct DriverOptions {
  int in_flight = 1;
  int threads = 1;
  // Each call's deadline.
  absl::Duration timeout = absl::Seconds(10);
  // Sent as "authorization: Bearer <token>" with every call.
  std::string token;
};

// Runs `scenario` until `clock` stops it and every call has ended; one
// recorder per thread.
std::vector<std::unique_ptr<Recorder>> RunClosedLoop(
    Scenario& scenario,
    const std::vector<std::shared_ptr<grpc::Channel>>& channels,
    const DriverOptions& options, RunClock& clock);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_LOAD_DRIVER_H_
