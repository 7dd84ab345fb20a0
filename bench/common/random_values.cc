#include "bench/common/random_values.h"

#include <atomic>

#include "absl/strings/str_cat.h"

namespace corebalance::bench {

Rng SeededRng(uint64_t stream) {
  std::random_device device;
  std::seed_seq seed{device(), device(), static_cast<unsigned>(stream),
                     static_cast<unsigned>(stream >> 32)};
  return Rng(seed);
}

int UniformInt(Rng& rng, int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(rng);
}

bool Chance(Rng& rng, double p) { return std::bernoulli_distribution(p)(rng); }

std::string RandomAlnum(Rng& rng, int length) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string out;
  for (int i = 0; i < length; ++i) out.push_back(kAlphabet[rng() % 36]);
  return out;
}

std::string FreshRequestId() {
  static const std::string tag = [] {
    Rng rng = SeededRng(0);
    return RandomAlnum(rng, 10);
  }();
  static std::atomic<uint64_t> counter{0};
  return absl::StrCat("bench-", tag, "-", counter.fetch_add(1));
}

}  // namespace corebalance::bench
