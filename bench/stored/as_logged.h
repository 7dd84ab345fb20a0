#ifndef COREBALANCE_BENCH_STORED_AS_LOGGED_H_
#define COREBALANCE_BENCH_STORED_AS_LOGGED_H_

// The row LogSession stores for a session, made the way its handler makes it
// (session_proto.h's FromProto, the traffic light by the server's rules),
// for the seeder's bulk rows and the raw-database baseline's inserts.

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "bench/common/seed_file.h"
#include "corebalance/v1/progress.pb.h"
#include "services/progress/repositories/session_repository.h"

namespace corebalance::bench {

// `session` follows `patient`'s plan; without a pain before, the baseline
// is the patient's INITIAL NPRS as the handler's assessment read would give.
absl::StatusOr<progress::StoredSession> AsLogged(const v1::Session& session,
                                                 const SeedPatient& patient,
                                                 int64_t clinic_id,
                                                 std::string id,
                                                 absl::Time logged_at);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_STORED_AS_LOGGED_H_
