#ifndef COREBALANCE_BENCH_SEED_BACKDATE_H_
#define COREBALANCE_BENCH_SEED_BACKDATE_H_

// A year of sessions needs a plan assigned a year ago: the API assigns plans
// now, so the seeder moves the plan (its times and its first revision) and
// the patient's registration back. Sessions may not precede their plan.

#include <cstdint>
#include <string>

#include "absl/time/time.h"
#include "services/store/connection.h"

namespace corebalance::bench {

// One transaction. Throws sql::SQLException like the store's helpers.
void BackdatePlan(store::Connection& c, int64_t clinic_id,
                  const std::string& patient_id, const std::string& plan_id,
                  absl::Time start);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_SEED_BACKDATE_H_
