#ifndef COREBALANCE_BENCH_RAWDB_WORKER_LOOP_H_
#define COREBALANCE_BENCH_RAWDB_WORKER_LOOP_H_

// `workers` threads, each running the operation back to back (a worker is
// one call in flight), until the clock stops them; one recorder each.

#include <memory>
#include <vector>

#include "bench/common/run_clock.h"
#include "bench/common/samples.h"
#include "bench/rawdb/raw_operation.h"

namespace corebalance::bench {

std::vector<std::unique_ptr<Recorder>> RunWorkers(RawOperation& operation,
                                                  int workers, RunClock& clock);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_RAWDB_WORKER_LOOP_H_
