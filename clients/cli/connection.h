#ifndef COREBALANCE_CLIENTS_CLI_CONNECTION_H_
#define COREBALANCE_CLIENTS_CLI_CONNECTION_H_

// Where the server is and who we are: flags, then COREBALANCE_* environment,
// then the config file profile, then ./.local/admin.token (the local runner).
// Every call gets the bearer token and a deadline; reads are retried briefly
// on UNAVAILABLE.

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "clients/cli/cli_context.h"

namespace corebalance::cli {

inline constexpr char kDefaultAddr[] = "127.0.0.1:50051";

struct ConnectionSettings {
  std::string addr;
  std::string token;
  std::string token_source;  // e.g. "--token", "profile default"
  std::string profile;
  std::string ca, cert, key;
  bool insecure = false;
  std::chrono::milliseconds timeout{10000};
};

// Resolves the settings; throws CliError(kExitUsage) on a bad --timeout or
// a profile missing from the config file (allowed for login, which makes it).
ConnectionSettings ResolveSettings(const GlobalFlags& flags,
                                   bool allow_new_profile = false);

// "10s", "500ms", "2m" -> milliseconds; throws CliError(kExitUsage).
std::chrono::milliseconds ParseTimeout(const std::string& text);

class Connection {
 public:
  // Throws CliError(kExitAuth) when `require_token` and no token was found,
  // CliError(kExitUsage) for plaintext to a remote host without --insecure.
  explicit Connection(const ConnectionSettings& settings,
                      bool require_token = true);

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  const ConnectionSettings& settings() const { return settings_; }

  // Runs `rpc` with a fresh context; retries UNAVAILABLE up to 3 tries with
  // backoff when `read`. Throws CliError (from ErrorFromStatus) on failure.
  void Call(bool read,
            const std::function<grpc::Status(grpc::ClientContext*)>& rpc) const;

 private:
  ConnectionSettings settings_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_CONNECTION_H_
