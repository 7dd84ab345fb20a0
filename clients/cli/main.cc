// corebalance: the practitioners' command-line client of corebalance-server.

#include <CLI/CLI.hpp>
#include <iostream>

#include "clients/cli/cli_context.h"
#include "clients/cli/commands.h"

namespace {

constexpr char kFooter[] =
    R"(Connection: flags, then COREBALANCE_ADDR / COREBALANCE_TOKEN /
COREBALANCE_PROFILE, then the profile in $XDG_CONFIG_HOME/corebalance/config
(~/.config/corebalance/config), then ./.local/admin.token (written by
deploy/local/up.sh). Default address 127.0.0.1:50051.

Exit codes: 0 ok, 1 the server refused the request, 2 usage error,
3 not found, 4 not authenticated or not allowed, 5 server unavailable.

Examples:
  corebalance login --token cbt_... --addr 127.0.0.1:50051
  corebalance patients add --given-name Ana --family-name Ruiz
  corebalance intake record PATIENT          (interactive in a terminal)
  corebalance plans assign PATIENT
  corebalance sessions log PATIENT --pain-before 3 --pain-during 4 --pain-after 3
  corebalance progress PATIENT
  corebalance alerts list --open
  corebalance patients list --output json)";

}  // namespace

int main(int argc, char** argv) {
  using namespace corebalance::cli;
  CliContext context;
  CLI::App app{
      "corebalance: register patients, record intakes and manage "
      "Core Balance Training plans.",
      "corebalance"};
  app.footer(kFooter);
  app.require_subcommand(1);
  // Global flags may follow the subcommand: `patients list -o json`.
  app.fallthrough();
  auto& f = context.flags;
  app.add_option("--addr", f.addr, "Server address host:port")
      ->group("Connection");
  app.add_option("--token", f.token, "API token")->group("Connection");
  app.add_option("--profile", f.profile,
                 "Config file profile (default: default)")
      ->group("Connection");
  app.add_option("--ca", f.ca, "PEM CA file: use TLS")->group("Connection");
  app.add_option("--cert", f.cert, "PEM client certificate (mTLS)")
      ->group("Connection");
  app.add_option("--key", f.key, "PEM client key (mTLS)")->group("Connection");
  app.add_flag("--insecure", f.insecure,
               "Allow plaintext to a host other than localhost")
      ->group("Connection");
  app.add_option("--timeout", f.timeout,
                 "Deadline of each call, e.g. 10s, 500ms")
      ->capture_default_str()
      ->group("Connection");
  app.add_option("-o,--output", f.output, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();

  AddLoginCommand(app, context);
  AddPatientsCommands(app, context);
  AddIntakeCommands(app, context);
  AddCatalogueCommands(app, context);
  AddPlansCommands(app, context);
  AddSessionsCommands(app, context);
  AddProgressCommand(app, context);
  AddAlertsCommands(app, context);
  AddAdminCommands(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    if (context.action) context.action();
    return kExitOk;
  } catch (const CliError& e) {
    std::cerr << "Error: " << e.what() << "\n";
    return e.code();
  }
}
