// corebalance-server: serves the hosted services (--target) or runs one of
// the operational commands (migrate, bootstrap, audit verify).

#include <CLI/CLI.hpp>
#include <iostream>

#include "absl/time/time.h"
#include "services/server/commands.h"
#include "services/server/flags.h"

int main(int argc, char** argv) {
  using namespace corebalance::server;
  CLI::App app{
      "corebalance-server: Core Balance Training practitioner server.\n"
      "Without a subcommand it serves the services chosen by --target."};
  app.fallthrough();
  app.require_subcommand(0, 1);
  ServerConfig config;
  RawFlags raw;
  AddServerFlags(app, config, raw);

  auto* migrate = app.add_subcommand(
      "migrate", "apply pending schema migrations, then exit (safe to repeat)");
  BootstrapArgs bootstrap_args;
  auto* bootstrap = app.add_subcommand(
      "bootstrap",
      "create the clinic and its first admin once; prints the admin token");
  bootstrap->add_option("--clinic", bootstrap_args.clinic, "clinic name")
      ->required();
  bootstrap
      ->add_option("--admin-name", bootstrap_args.admin_name,
                   "first admin's full name")
      ->required();
  bootstrap->add_option("--admin-email", bootstrap_args.admin_email,
                        "first admin's email");
  auto* audit = app.add_subcommand("audit", "audit log tools");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand(
      "verify",
      "check the audit log's hash chains and that every service's outbox "
      "event reached it; exit 1 if altered or missing");
  std::string relay_grace = "60s";
  verify
      ->add_option("--relay-grace", relay_grace,
                   "events still waiting in an outbox for longer than this "
                   "count as never relayed")
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (absl::Status s = FinishConfig(raw, config); !s.ok()) {
    std::cerr << "corebalance-server: " << s.message() << "\n";
    return 2;
  }
  if (migrate->parsed()) return RunMigrate(config);
  if (bootstrap->parsed()) return RunBootstrap(config, bootstrap_args);
  if (verify->parsed()) {
    absl::Duration grace;
    if (!absl::ParseDuration(relay_grace, &grace) ||
        grace < absl::ZeroDuration()) {
      std::cerr << "corebalance-server: --relay-grace: want a duration like "
                   "60s\n";
      return 2;
    }
    return RunAuditVerify(config, grace);
  }
  return RunServe(config);
}
