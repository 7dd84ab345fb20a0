#include "clients/cli/alerts_watch.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>

#include "clients/cli/commands.h"
#include "clients/cli/errors.h"
#include "clients/cli/output.h"
#include "corebalance/v1/progress.grpc.pb.h"

namespace corebalance::cli {
namespace {

using v1::Alert;

// How long the server may stay unreachable once the watch was running.
constexpr auto kReconnectFor = std::chrono::seconds(60);

// Ctrl-C and SIGTERM, taken by a thread of their own (a signal handler may
// not call into gRPC): they cancel the call in progress.
class StopSignal {
 public:
  StopSignal() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    // Before gRPC starts its threads, so that they inherit the mask.
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
    std::thread([this] {
      int signal = 0;
      sigwait(&signals_, &signal);
      std::lock_guard<std::mutex> lock(mu_);
      stopped_ = true;
      if (call_ != nullptr) call_->TryCancel();
    }).detach();
  }
  bool stopped() {
    std::lock_guard<std::mutex> lock(mu_);
    return stopped_;
  }
  // The call Ctrl-C cancels; false when already stopped.
  bool Track(grpc::ClientContext* call) {
    std::lock_guard<std::mutex> lock(mu_);
    call_ = call;
    return !stopped_;
  }

 private:
  sigset_t signals_;
  std::mutex mu_;
  bool stopped_ = false;
  grpc::ClientContext* call_ = nullptr;
};

void PrintAlertLine(const CliContext& context,
                    const v1::WatchAlertsResponse& response) {
  if (context.json()) return PrintJsonLine(response);
  const Alert& a = response.alert();
  std::string name = a.name();
  if (name.rfind("patients/", 0) == 0) name = name.substr(9);
  std::string kind = EnumWords(Alert::Kind_Name(a.kind()), "KIND_");
  kind.resize(std::max<size_t>(kind.size(), 13), ' ');
  std::cout << FormatTime(a.create_time()) << "  " << Colour(kind, "red")
            << "  " << name << "  " << a.message() << std::endl;
}

}  // namespace

void WatchAlerts(const CliContext& context, v1::WatchAlertsRequest request) {
  StopSignal stop;
  Connection connection = Connect(context);
  auto stub = v1::ProgressService::NewStub(connection.channel());
  const bool chatty = !context.json() && isatty(STDERR_FILENO);
  bool ever_open = false;
  auto unreachable_since = std::chrono::steady_clock::now();
  while (true) {
    grpc::ClientContext call;
    call.AddMetadata("authorization", "Bearer " + connection.settings().token);
    if (!stop.Track(&call)) return;
    auto reader = stub->WatchAlerts(&call, request);
    reader->WaitForInitialMetadata();
    const auto& metadata = call.GetServerInitialMetadata();
    if (metadata.find("x-corebalance-watch-open") != metadata.end()) {
      ever_open = true;
      unreachable_since = std::chrono::steady_clock::now();
      if (chatty) std::cerr << "watching alerts (Ctrl-C to stop)\n";
    }
    v1::WatchAlertsResponse response;
    while (reader->Read(&response)) {
      PrintAlertLine(context, response);
      request.set_after(response.cursor());
    }
    const grpc::Status status = reader->Finish();
    stop.Track(nullptr);
    if (stop.stopped()) {
      if (chatty && !request.after().empty()) {
        std::cerr << "resume with: --after " << request.after() << "\n";
      }
      return;
    }
    // OK: the server shut down; reconnect (to another replica) from the
    // last alert seen. UNAVAILABLE: retry for a while once we had a watch.
    const bool retry =
        status.ok() ||
        (ever_open && status.error_code() == grpc::StatusCode::UNAVAILABLE &&
         std::chrono::steady_clock::now() - unreachable_since < kReconnectFor);
    if (!retry) throw ErrorFromStatus(status, connection.settings().addr);
    if (chatty) std::cerr << "connection lost; reconnecting\n";
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

}  // namespace corebalance::cli
