#ifndef COREBALANCE_BENCH_RAWDB_RAW_LOG_SESSION_H_
#define COREBALANCE_BENCH_RAWDB_RAW_LOG_SESSION_H_

// The SQL of ProgressService.LogSession (session_handlers.cc and
// RaiseSessionAlerts in alert_handlers.cc), in the handler's order:
// SessionRepository::FindLogged, SessionRepository::Insert (one transaction),
// SessionRepository::List of the alert lookback, AlertRepository::Raise of the
// PAIN_FLARE and WORSENING alerts the rules give.

#include <memory>
#include <vector>

#include "bench/common/seed_file.h"
#include "bench/rawdb/raw_operation.h"
#include "services/store/pool.h"

namespace corebalance::bench {

std::unique_ptr<RawOperation> NewRawLogSession(
    store::Pool* pool, int64_t clinic_id, std::vector<SeedPatient> patients);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_RAWDB_RAW_LOG_SESSION_H_
