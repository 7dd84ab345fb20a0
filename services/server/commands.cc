#include "services/server/commands.h"

#include <csignal>
#include <iostream>

#include "absl/time/clock.h"
#include "services/access/access_store.h"
#include "services/access/audit_store.h"
#include "services/access/bootstrap.h"
#include "services/common/logging.h"
#include "services/server/migrations_for.h"
#include "services/server/server_runtime.h"
#include "services/store/migrations.h"
#include "services/store/mysql_config.h"
#include "services/store/pool.h"

namespace corebalance::server {
namespace {

constexpr absl::Duration kCommandTimeout = absl::Seconds(60);

int Fail(const absl::Status& status) {
  std::cerr << "corebalance-server: " << status.message() << "\n";
  return 1;
}

absl::StatusOr<std::unique_ptr<store::Pool>> OpenPool(const ServerConfig& c) {
  auto mysql = store::ParseMysqlUrl(c.mysql_url);
  if (!mysql.ok()) return mysql.status();
  if (!c.mysql_password.empty()) mysql->password = c.mysql_password;
  mysql->pool_size = 2;
  return std::make_unique<store::Pool>(*mysql);
}

}  // namespace

int RunServe(const ServerConfig& config) {
  // Block the stop signals in every thread (gRPC's are started below and
  // inherit the mask); this thread then waits for them synchronously.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto runtime = ServerRuntime::Start(config);
  if (!runtime.ok()) return Fail(runtime.status());
  int signal = 0;
  sigwait(&signals, &signal);
  log::Info("signal", {{"name", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
  (*runtime)->Shutdown();
  return 0;
}

int RunMigrate(const ServerConfig& config) {
  auto pool = OpenPool(config);
  if (!pool.ok()) return Fail(pool.status());
  const auto migrations = MigrationsFor(config.targets);
  absl::Status status = store::Migrate(**pool, migrations);
  if (!status.ok()) return Fail(status);
  std::cerr << "schema is up to date (" << migrations.size()
            << " migrations known)\n";
  return 0;
}

int RunBootstrap(const ServerConfig& config, const BootstrapArgs& args) {
  auto pool = OpenPool(config);
  if (!pool.ok()) return Fail(pool.status());
  access::AccessStore store(pool->get());
  access::AuditStore audit(pool->get());
  auto result =
      access::Bootstrap(store, audit, args.clinic, args.admin_name,
                        args.admin_email, absl::Now() + kCommandTimeout);
  if (!result.ok()) return Fail(result.status());
  if (result->admin_token.empty()) {
    std::cerr << "already bootstrapped: clinic \""
              << result->clinic.display_name << "\" has admin \""
              << result->admin.display_name << "\" (staffMembers/"
              << result->admin.id << "); no new token was issued\n";
    return 0;
  }
  std::cerr << "created clinic \"" << result->clinic.display_name
            << "\" and admin \"" << result->admin.display_name
            << "\"; the admin token follows (shown only this once)\n";
  std::cout << result->admin_token << std::endl;
  return 0;
}

int RunAuditVerify(const ServerConfig& config) {
  auto pool = OpenPool(config);
  if (!pool.ok()) return Fail(pool.status());
  access::AuditStore audit(pool->get());
  auto reports = audit.VerifyAll(absl::InfiniteFuture());
  if (!reports.ok()) return Fail(reports.status());
  bool intact = true;
  for (const auto& r : *reports) {
    if (r.first_break) {
      intact = false;
      std::cout << "clinics/" << r.clinic_id << ": BROKEN at event "
                << r.first_break->seq << ": " << r.first_break->problem << "\n";
    } else {
      std::cout << "clinics/" << r.clinic_id << ": ok (" << r.events
                << " events)\n";
    }
  }
  return intact ? 0 : 1;
}

}  // namespace corebalance::server
