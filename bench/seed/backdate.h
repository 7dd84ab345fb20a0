#ifndef COREBALANCE_BENCH_SEED_BACKDATE_H_
#define COREBALANCE_BENCH_SEED_BACKDATE_H_

// A year of sessions needs a plan assigned a year ago: the API assigns plans
// now, so the seeder moves the plan (its times and its first revision) and
// the patient's registration back. Sessions may not precede their plan.

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "services/store/connection.h"
#include "services/store/pool.h"

namespace corebalance::bench {

// One transaction. Throws sql::SQLException like the store's helpers.
void BackdatePlan(store::Connection& c, int64_t clinic_id,
                  const std::string& patient_id, const std::string& plan_id,
                  absl::Time start);

// The backdating rewrote intake's and prescription's rows behind their
// domain events, so progress's copy of them (README "Progress keeps a copy
// of what it reads") still has the times the events carried. Once the copy
// has caught up with the events, this drops it whole and waits until the
// running server has taken it anew from snapshots, as after an upgrade.
absl::Status RecopySources(store::Pool& pool, absl::Duration timeout);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_SEED_BACKDATE_H_
