#ifndef COREBALANCE_BENCH_RAWDB_RAW_OPERATION_H_
#define COREBALANCE_BENCH_RAWDB_RAW_OPERATION_H_

// One iteration of the raw-database baseline: the SQL an RPC runs, through
// the server's own store classes, without gRPC. Run is called from every
// worker thread at once.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "bench/common/random_values.h"

namespace corebalance::bench {

class RawOperation {
 public:
  virtual ~RawOperation() = default;
  virtual absl::Status Run(Rng& rng) = 0;
  // Which statements run, and which parts of the RPC are left out.
  virtual std::vector<std::string> Notes() const = 0;
};

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_RAWDB_RAW_OPERATION_H_
