#ifndef COREBALANCE_CLIENTS_CLI_ALERTS_WATCH_H_
#define COREBALANCE_CLIENTS_CLI_ALERTS_WATCH_H_

// corebalance alerts watch: streams new alerts until Ctrl-C, reconnecting
// from the last alert seen when the server restarts.

#include <string>

#include "clients/cli/cli_context.h"
#include "corebalance/v1/progress.pb.h"

namespace corebalance::cli {

// Returns after Ctrl-C (or SIGTERM); throws CliError when the server
// refuses the watch or stays unreachable.
void WatchAlerts(const CliContext& context, v1::WatchAlertsRequest request);

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_ALERTS_WATCH_H_
