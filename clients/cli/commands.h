#ifndef COREBALANCE_CLIENTS_CLI_COMMANDS_H_
#define COREBALANCE_CLIENTS_CLI_COMMANDS_H_

// One function per command group; each adds its subcommands to `app`. A
// subcommand's callback sets `context.action`, which main runs after parsing.

#include <CLI/CLI.hpp>

#include "clients/cli/cli_context.h"
#include "clients/cli/connection.h"

namespace corebalance::cli {

void AddPatientsCommands(CLI::App& app, CliContext& context);
void AddIntakeCommands(CLI::App& app, CliContext& context);
void AddCatalogueCommands(CLI::App& app, CliContext& context);
void AddPlansCommands(CLI::App& app, CliContext& context);
void AddAdminCommands(CLI::App& app, CliContext& context);
void AddSessionsCommands(CLI::App& app, CliContext& context);
void AddProgressCommand(CLI::App& app, CliContext& context);
void AddAlertsCommands(CLI::App& app, CliContext& context);
void AddLoginCommand(CLI::App& app, CliContext& context);

// The connection for the global flags (token required).
inline Connection Connect(const CliContext& context) {
  return Connection(ResolveSettings(context.flags));
}

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_COMMANDS_H_
