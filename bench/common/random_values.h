#ifndef COREBALANCE_BENCH_COMMON_RANDOM_VALUES_H_
#define COREBALANCE_BENCH_COMMON_RANDOM_VALUES_H_

// Randomness for the generated data and requests. One Rng per thread.

#include <cstdint>
#include <random>
#include <string>

namespace corebalance::bench {

using Rng = std::mt19937_64;

// A generator seeded from the system's entropy and `stream`.
Rng SeededRng(uint64_t stream);

// An integer in [low, high].
int UniformInt(Rng& rng, int low, int high);
// True with probability `p`.
bool Chance(Rng& rng, double p);
// `length` characters of [a-z0-9].
std::string RandomAlnum(Rng& rng, int length);

// An AIP-155 request id unique across processes and calls:
// "bench-<process tag>-<counter>".
std::string FreshRequestId();

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_COMMON_RANDOM_VALUES_H_
