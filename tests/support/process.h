#ifndef COREBALANCE_TESTS_SUPPORT_PROCESS_H_
#define COREBALANCE_TESTS_SUPPORT_PROCESS_H_

// Runs the real binaries the way a user or Kubernetes would: arguments,
// environment, captured stdout/stderr, signals, exit codes.

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace corebalance::test {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal or not run
  std::string out;
  std::string err;
};

// Runs to completion (killed after `timeout`). `env` adds to the current
// environment; `stdin_text` is fed to the child's standard input.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env = {},
                         absl::Duration timeout = absl::Seconds(60),
                         const std::string& stdin_text = "");

// A child that keeps running (a server).
class Process {
 public:
  Process(const std::vector<std::string>& argv,
          const std::map<std::string, std::string>& env = {});
  ~Process();  // SIGKILL if still running
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  void Signal(int signal);
  // Exit code, or -1 if it did not exit within `timeout` (then killed) or
  // died of a signal.
  int Wait(absl::Duration timeout = absl::Seconds(30));
  bool running();
  std::string out() const;
  std::string err() const;
  // The child's pid while it runs (-1 once waited for).
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::string out_path_;
  std::string err_path_;
};

// The corebalance-server binary built with the tests.
std::string ServerBinary();

// Migrates the database at `mysql_url` and bootstraps San Clemente with the
// binary, as an operator would; the admin's token, or empty when either
// step failed.
std::string MigrateAndBootstrap(const std::string& mysql_url);

// Waits until 127.0.0.1:`port` answers grpc.health.v1 Check("") with
// SERVING, for up to `timeout`.
bool WaitForServing(int port, absl::Duration timeout = absl::Seconds(20));

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_SUPPORT_PROCESS_H_
