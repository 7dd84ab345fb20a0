#ifndef COREBALANCE_BENCH_LOAD_ATTACKER_H_
#define COREBALANCE_BENCH_LOAD_ATTACKER_H_

// A token spray alongside the measured load: GetPatient calls with made-up
// bearer tokens at a fixed rate, on a connection of their own, from the same
// address as the valid callers (as an attacker on a shared NAT would be).
// Not measured: it counts what the server answered.

#include <grpcpp/channel.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "corebalance/v1/intake.grpc.pb.h"

namespace corebalance::bench {

class Attacker {
 public:
  // `rate`: calls per second.
  Attacker(std::shared_ptr<grpc::Channel> channel, double rate);
  ~Attacker();  // Stop()

  void Start();
  // Stops sending and waits for the calls in flight.
  void Stop();
  // "sent N at R/s; UNAUTHENTICATED a, RESOURCE_EXHAUSTED b, ...".
  std::string Summary();

 private:
  void Loop();
  void Answered(grpc::StatusCode code);

  std::unique_ptr<v1::IntakeService::Stub> stub_;
  const double rate_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> sent_{0};
  std::atomic<int64_t> skipped_{0};  // the in-flight bound was reached
  absl::Mutex mu_;
  int in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  std::map<grpc::StatusCode, int64_t> codes_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_LOAD_ATTACKER_H_
