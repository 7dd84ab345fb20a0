#ifndef COREBALANCE_TESTS_INTEGRATION_PROGRESS_ALERT_WATCHER_H_
#define COREBALANCE_TESTS_INTEGRATION_PROGRESS_ALERT_WATCHER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "corebalance/v1/progress.grpc.pb.h"
#include "tests/support/test_server.h"

namespace corebalance::test {

// A WatchAlerts client reading on its own thread.
class Watcher {
 public:
  Watcher(std::shared_ptr<grpc::Channel> channel, const std::string& token,
          const std::string& parent, const std::string& after = "",
          v1::Alert::Kind kind = v1::Alert::KIND_UNSPECIFIED)
      : stub_(v1::ProgressService::NewStub(std::move(channel))),
        context_(Context(token, absl::Seconds(60))) {
    v1::WatchAlertsRequest request;
    request.set_parent(parent);
    request.set_after(after);
    request.set_kind(kind);
    reader_ = stub_->WatchAlerts(context_.get(), request);
    // The watch is in place (or refused) once the initial metadata is here.
    reader_->WaitForInitialMetadata();
    const auto& metadata = context_->GetServerInitialMetadata();
    open_ = metadata.find("x-corebalance-watch-open") != metadata.end();
    thread_ = std::thread([this] {
      v1::WatchAlertsResponse response;
      while (reader_->Read(&response)) {
        absl::MutexLock lock(&mu_);
        received_.push_back(response);
      }
      grpc::Status status = reader_->Finish();
      absl::MutexLock lock(&mu_);
      status_ = status;
      done_ = true;
    });
  }
  ~Watcher() {
    Cancel();
    thread_.join();
  }

  // Waits until `n` responses have arrived (or the stream ended, or 10 s).
  std::vector<v1::WatchAlertsResponse> WaitFor(size_t n) {
    absl::MutexLock lock(&mu_);
    auto enough = [this, n]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return received_.size() >= n || done_;
    };
    mu_.AwaitWithTimeout(absl::Condition(&enough), absl::Seconds(10));
    return received_;
  }
  // What arrived within `quiet` more.
  std::vector<v1::WatchAlertsResponse> After(absl::Duration quiet) {
    absl::SleepFor(quiet);
    absl::MutexLock lock(&mu_);
    return received_;
  }
  // The final status, once the stream ended (within 10 s).
  std::optional<grpc::Status> Ended() {
    absl::MutexLock lock(&mu_);
    auto done = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return done_; };
    mu_.AwaitWithTimeout(absl::Condition(&done), absl::Seconds(10));
    if (!done_) return std::nullopt;
    return status_;
  }
  void Cancel() { context_->TryCancel(); }
  bool open() const { return open_; }

 private:
  std::unique_ptr<v1::ProgressService::Stub> stub_;
  std::unique_ptr<grpc::ClientContext> context_;
  std::unique_ptr<grpc::ClientReader<v1::WatchAlertsResponse>> reader_;
  bool open_ = false;
  absl::Mutex mu_;
  std::vector<v1::WatchAlertsResponse> received_ ABSL_GUARDED_BY(mu_);
  bool done_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status status_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_INTEGRATION_PROGRESS_ALERT_WATCHER_H_
