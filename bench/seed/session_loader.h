#ifndef COREBALANCE_BENCH_SEED_SESSION_LOADER_H_
#define COREBALANCE_BENCH_SEED_SESSION_LOADER_H_

// The bulk of the data, the sessions, by multi-row INSERTs on several
// connections (the API would take hours for ten million). Each batch of
// whole patients commits with a row per patient in bench_seed_done, so a
// rerun skips the patients already loaded.

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "bench/common/seed_file.h"
#include "services/store/mysql_config.h"

namespace corebalance::bench {

struct LoaderOptions {
  store::MysqlConfig mysql;
  int64_t clinic_id = 0;
  int workers = 2;
  // Sessions per transaction (and rows per INSERT statement).
  int batch_rows = 1000;
};

absl::Status LoadSessions(const std::vector<SeedPatient>& patients,
                          const LoaderOptions& options);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_SEED_SESSION_LOADER_H_
