#ifndef COREBALANCE_BENCH_SCAN_SCAN_SEED_H_
#define COREBALANCE_BENCH_SCAN_SCAN_SEED_H_

// A clinic of ACTIVE plans for the adherence scan benchmark, written as
// progress's copy takes them from prescription's events (CopyRepository),
// each patient with sessions over the last three weeks (bulk SQL): most
// keep to the plan, one in ten has not logged for five days or more.

#include <cstdint>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "services/store/pool.h"

namespace corebalance::bench {

struct ScanSeed {
  int64_t clinic_id = 0;
  int plans = 0;
  int sessions_per_plan = 0;
  absl::Time now;
};

absl::Status SeedScanClinic(store::Pool& pool, const ScanSeed& seed);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_SCAN_SCAN_SEED_H_
