#ifndef COREBALANCE_BENCH_COMMON_SAMPLES_H_
#define COREBALANCE_BENCH_COMMON_SAMPLES_H_

// Every measured call is kept (a few bytes each): exact percentiles without
// a histogram's rounding. A Recorder belongs to one thread; the report
// merges them at the end.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace corebalance::bench {

// One finished call. `code` is the canonical status code (gRPC and Abseil
// share the numbering); `op` indexes the scenario's operation names.
struct Sample {
  uint32_t micros = 0;
  uint8_t op = 0;
  uint8_t code = 0;
};

class Recorder {
 public:
  // A measured call.
  void Add(int op, absl::Duration latency, int code,
           const std::string& message);
  // A call of the warm-up: counted, and its failures kept to warn about.
  void AddWarmup(int code, const std::string& message);

  const std::vector<Sample>& samples() const { return samples_; }
  int64_t warmup_calls() const { return warmup_calls_; }
  int64_t warmup_errors() const { return warmup_errors_; }
  // The first message seen per failing code, to tell a user what went wrong.
  const std::map<int, std::string>& first_errors() const {
    return first_errors_;
  }

 private:
  void NoteError(int code, const std::string& message);

  std::vector<Sample> samples_;
  int64_t warmup_calls_ = 0;
  int64_t warmup_errors_ = 0;
  std::map<int, std::string> first_errors_;
};

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_COMMON_SAMPLES_H_
