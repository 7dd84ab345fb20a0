#include "bench/rawdb/worker_loop.h"

#include <thread>

#include "absl/time/clock.h"

namespace corebalance::bench {

std::vector<std::unique_ptr<Recorder>> RunWorkers(RawOperation& operation,
                                                  int workers,
                                                  RunClock& clock) {
  std::vector<std::unique_ptr<Recorder>> recorders;
  for (int i = 0; i < workers; ++i) {
    recorders.push_back(std::make_unique<Recorder>());
  }
  clock.Start();
  std::vector<std::thread> threads;
  for (int i = 0; i < workers; ++i) {
    threads.emplace_back([&, i] {
      Rng rng = SeededRng(9000 + i);
      Recorder& recorder = *recorders[i];
      for (;;) {
        const RunClock::Phase phase = clock.NextCall();
        if (phase == RunClock::Phase::kStop) return;
        const absl::Time start = absl::Now();
        const absl::Status status = operation.Run(rng);
        const absl::Time end = absl::Now();
        const int code = static_cast<int>(status.code());
        if (phase == RunClock::Phase::kMeasure) {
          recorder.Add(0, end - start, code, std::string(status.message()));
          clock.MeasuredCallEnded(end);
        } else {
          recorder.AddWarmup(code, std::string(status.message()));
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  return recorders;
}

}  // namespace corebalance::bench
