#ifndef COREBALANCE_BENCH_SEED_SEEDED_SESSIONS_H_
#define COREBALANCE_BENCH_SEED_SEEDED_SESSIONS_H_

// A patient's history: `sessions` sessions spread evenly over the `days`
// days before now, each stored as LogSession would have stored it, those
// with a 24-hour pain updated a day later (revision 2) as UpdateSession
// does.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "bench/common/random_values.h"
#include "bench/common/seed_file.h"
#include "services/progress/repositories/session_repository.h"

namespace corebalance::bench {

// Session ids in increasing order (16 characters of [a-z0-9], like the
// server's), so that bulk inserts append to the primary key instead of
// splitting pages all over a table larger than the buffer pool.
class SortableIds {
 public:
  // `stream` (0..35) keeps workers apart.
  explicit SortableIds(int stream) : stream_(stream) {}
  std::string Next(Rng& rng);

 private:
  const int stream_;
  uint64_t counter_ = 0;
};

absl::StatusOr<std::vector<progress::StoredSession>> SeededSessions(
    const SeedPatient& patient, int64_t clinic_id, absl::Time now,
    SortableIds& ids, Rng& rng);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_SEED_SEEDED_SESSIONS_H_
