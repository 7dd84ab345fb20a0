#include "bench/load/driver.h"

#include <grpcpp/completion_queue.h>

#include <thread>

#include "absl/time/clock.h"

namespace corebalance::bench {
namespace {

// One thread: its completion queue and the slots it drives.
class LoopThread {
 public:
  LoopThread(int index, Scenario& scenario, std::vector<Stubs*> stubs,
             const DriverOptions& options, RunClock& clock)
      : scenario_(scenario),
        stubs_(std::move(stubs)),
        options_(options),
        clock_(clock),
        rng_(SeededRng(index)),
        authorization_("Bearer " + options.token) {}

  // `slots`: this thread's slot numbers.
  void Run(const std::vector<int>& slots) {
    int outstanding = 0;
    for (int slot : slots) outstanding += StartCall(slot) ? 1 : 0;
    while (outstanding > 0) {
      void* tag = nullptr;
      bool ok = false;
      if (!cq_.Next(&tag, &ok)) break;
      std::unique_ptr<Call> call(static_cast<Call*>(tag));
      --outstanding;
      const absl::Time end = absl::Now();
      const grpc::Status& status = call->status();
      if (call->phase == RunClock::Phase::kMeasure) {
        recorder_->Add(call->op(), end - call->start, status.error_code(),
                       status.error_message());
        clock_.MeasuredCallEnded(end);
      } else {
        recorder_->AddWarmup(status.error_code(), status.error_message());
      }
      outstanding += StartCall(call->slot) ? 1 : 0;
    }
    cq_.Shutdown();
    void* tag = nullptr;
    bool ok = false;
    while (cq_.Next(&tag, &ok)) delete static_cast<Call*>(tag);
  }

  std::unique_ptr<Recorder> TakeRecorder() { return std::move(recorder_); }

 private:
  // False when the run is over.
  bool StartCall(int slot) {
    const RunClock::Phase phase = clock_.NextCall();
    if (phase == RunClock::Phase::kStop) return false;
    std::unique_ptr<Call> call = scenario_.NextCall(
        *stubs_[static_cast<size_t>(slot) % stubs_.size()], rng_, 0);
    call->slot = slot;
    call->phase = phase;
    call->context().AddMetadata("authorization", authorization_);
    call->start = absl::Now();
    call->context().set_deadline(
        absl::ToChronoTime(call->start + options_.timeout));
    Call* raw = call.release();
    raw->Start(&cq_, raw);
    return true;
  }

  Scenario& scenario_;
  const std::vector<Stubs*> stubs_;
  const DriverOptions& options_;
  RunClock& clock_;
  Rng rng_;
  const std::string authorization_;
  grpc::CompletionQueue cq_;
  std::unique_ptr<Recorder> recorder_ = std::make_unique<Recorder>();
};

}  // namespace

std::vector<std::unique_ptr<Recorder>> RunClosedLoop(
    Scenario& scenario,
    const std::vector<std::shared_ptr<grpc::Channel>>& channels,
    const DriverOptions& options, RunClock& clock) {
  std::vector<std::unique_ptr<Stubs>> stubs;
  std::vector<Stubs*> stub_ptrs;
  for (const auto& channel : channels) {
    stubs.push_back(std::make_unique<Stubs>(channel));
    stub_ptrs.push_back(stubs.back().get());
  }
  const int threads = std::max(1, std::min(options.threads, options.in_flight));
  std::vector<std::unique_ptr<LoopThread>> loops;
  std::vector<std::vector<int>> slots(threads);
  for (int i = 0; i < threads; ++i) {
    loops.push_back(
        std::make_unique<LoopThread>(i, scenario, stub_ptrs, options, clock));
  }
  for (int slot = 0; slot < options.in_flight; ++slot) {
    slots[slot % threads].push_back(slot);
  }
  clock.Start();
  std::vector<std::thread> running;
  for (int i = 0; i < threads; ++i) {
    running.emplace_back([&, i] { loops[i]->Run(slots[i]); });
  }
  for (auto& t : running) t.join();
  std::vector<std::unique_ptr<Recorder>> out;
  for (auto& loop : loops) out.push_back(loop->TakeRecorder());
  return out;
}

}  // namespace corebalance::bench
