#ifndef COREBALANCE_BENCH_RAWDB_DEFAULT_RULES_H_
#define COREBALANCE_BENCH_RAWDB_DEFAULT_RULES_H_

// The progress rules the server runs with when no policy file is given.

#include "services/progress/policy.h"

namespace corebalance::bench {

progress::ProgressRules DefaultProgressRules();

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_RAWDB_DEFAULT_RULES_H_
