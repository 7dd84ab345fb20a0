#ifndef COREBALANCE_SERVICES_SERVER_COMMANDS_H_
#define COREBALANCE_SERVICES_SERVER_COMMANDS_H_

#include <string>

#include "services/server/server_config.h"

namespace corebalance::server {

// Each returns the process exit code: 0 success, 1 failure.

// Serves until SIGTERM or SIGINT, then shuts down gracefully.
int RunServe(const ServerConfig& config);
// Applies the targets' pending schema migrations (safe to run concurrently).
int RunMigrate(const ServerConfig& config);

struct BootstrapArgs {
  std::string clinic;
  std::string admin_name;
  std::string admin_email;
};
// Creates the clinic and first admin once; prints the admin token alone on
// stdout the one time it is created.
int RunBootstrap(const ServerConfig& config, const BootstrapArgs& args);
// Checks every clinic's audit hash chain; 1 if any was altered.
// Waiting outbox events older than `relay_grace` count as never relayed.
int RunAuditVerify(const ServerConfig& config, absl::Duration relay_grace);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_COMMANDS_H_
