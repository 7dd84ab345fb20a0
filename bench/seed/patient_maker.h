#ifndef COREBALANCE_BENCH_SEED_PATIENT_MAKER_H_
#define COREBALANCE_BENCH_SEED_PATIENT_MAKER_H_

// Plausible patients of a low-back-pain clinic and their INITIAL
// assessments: adults with chronic pain, NPRS 3..7, moderate disability,
// mostly low STarT Back risk, no red flags (so the server says PROCEED and
// a plan can be assigned).

#include "bench/common/random_values.h"
#include "corebalance/v1/intake.pb.h"

namespace corebalance::bench {

v1::Patient MakePatient(Rng& rng);
v1::Assessment MakeInitialAssessment(Rng& rng);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_SEED_PATIENT_MAKER_H_
