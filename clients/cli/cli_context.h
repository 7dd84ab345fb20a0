#ifndef COREBALANCE_CLIENTS_CLI_CLI_CONTEXT_H_
#define COREBALANCE_CLIENTS_CLI_CLI_CONTEXT_H_

// What every command shares: the global flags, the chosen action, and the
// exception that turns into a message on stderr and an exit code.

#include <functional>
#include <stdexcept>
#include <string>

namespace corebalance::cli {

// Documented exit codes (README and --help).
enum ExitCode {
  kExitOk = 0,
  kExitRefused = 1,
  kExitUsage = 2,
  kExitNotFound = 3,
  kExitAuth = 4,
  kExitUnavailable = 5,
};

// Thrown by commands; main prints `what()` on stderr and exits with `code`.
class CliError : public std::runtime_error {
 public:
  CliError(int code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

struct GlobalFlags {
  std::string addr;
  std::string token;
  std::string profile;
  std::string ca;
  std::string cert;
  std::string key;
  bool insecure = false;
  std::string output = "table";
  std::string timeout = "10s";
};

struct CliContext {
  GlobalFlags flags;
  // Set by the chosen subcommand's parse callback; run after parsing.
  std::function<void()> action;
  bool json() const { return flags.output == "json"; }
};

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_CLI_CONTEXT_H_
