#include "bench/common/samples.h"

#include <algorithm>
#include <limits>

namespace corebalance::bench {

void Recorder::Add(int op, absl::Duration latency, int code,
                   const std::string& message) {
  const int64_t micros =
      std::clamp<int64_t>(absl::ToInt64Microseconds(latency), 0,
                          std::numeric_limits<uint32_t>::max());
  samples_.push_back({static_cast<uint32_t>(micros), static_cast<uint8_t>(op),
                      static_cast<uint8_t>(code)});
  if (code != 0) NoteError(code, message);
}

void Recorder::AddWarmup(int code, const std::string& message) {
  ++warmup_calls_;
  if (code == 0) return;
  ++warmup_errors_;
  NoteError(code, message);
}

void Recorder::NoteError(int code, const std::string& message) {
  first_errors_.emplace(code, message);
}

}  // namespace corebalance::bench
