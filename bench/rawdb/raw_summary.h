#ifndef COREBALANCE_BENCH_RAWDB_RAW_SUMMARY_H_
#define COREBALANCE_BENCH_RAWDB_RAW_SUMMARY_H_

// The SQL of ProgressService.GetProgressSummary (summary_handlers.cc): the
// sessions of the lookback window and the latest session, through
// SessionRepository::List.

#include <memory>
#include <vector>

#include "bench/common/seed_file.h"
#include "bench/rawdb/raw_operation.h"
#include "services/store/pool.h"

namespace corebalance::bench {

// `window_days` 0: the server's default (14).
std::unique_ptr<RawOperation> NewRawSummary(store::Pool* pool,
                                            int64_t clinic_id,
                                            std::vector<SeedPatient> patients,
                                            int window_days);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_RAWDB_RAW_SUMMARY_H_
