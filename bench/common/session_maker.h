#ifndef COREBALANCE_BENCH_COMMON_SESSION_MAKER_H_
#define COREBALANCE_BENCH_COMMON_SESSION_MAKER_H_

// A plausible session of a patient's plan, one that LogSession accepts: the
// plan's exercises at their doses (most done, some skipped with a reason),
// pain around the patient's baseline easing over the program, mostly GREEN
// with some AMBER and the odd RED, as a clinic sees.

#include "absl/time/time.h"
#include "bench/common/random_values.h"
#include "bench/common/seed_file.h"
#include "corebalance/v1/progress.pb.h"

namespace corebalance::bench {

// `progress` is how far into the program the session is, 0..1 (pain eases
// by about three points over it). Names the patient's plan.
v1::Session MakeSession(const SeedPatient& patient, absl::Time performed_at,
                        double progress, Rng& rng);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_COMMON_SESSION_MAKER_H_
