#include "services/server/commands.h"

#include <csignal>
#include <iostream>

#include "absl/time/clock.h"
#include "services/access/repositories/audit_repository.h"
#include "services/access/use_cases/bootstrap.h"
#include "services/common/internal_detail.h"
#include "services/common/logging.h"
#include "services/outbox/gap_check.h"
#include "services/outbox/outbox.h"
#include "services/server/database_settings.h"
#include "services/server/migrations_for.h"
#include "services/server/server_runtime.h"
#include "services/store/migrations.h"
#include "services/store/mysql_config.h"
#include "services/store/pool.h"
#include "services/store/run.h"

namespace corebalance::server {
namespace {

constexpr absl::Duration kCommandTimeout = absl::Seconds(60);

int Fail(const absl::Status& status) {
  // Operators read this: the database's own text, not just the plain
  // message a caller would get.
  std::cerr << "corebalance-server: " << MessageAndDetail(status) << "\n";
  return 1;
}

absl::StatusOr<std::unique_ptr<store::Pool>> OpenPool(const ServerConfig& c) {
  auto mysql = DatabaseSettings(c);
  if (!mysql.ok()) return mysql.status();
  mysql->pool_size = 2;
  return std::make_unique<store::Pool>(*mysql);
}

// Each service's outbox heads and unrelayed rows, for the services whose
// tables this database has.
struct OutboxState {
  std::string service;
  std::vector<outbox::AuditHead> heads;
  std::map<int64_t, std::vector<outbox::UnrelayedAudit>> unrelayed;

  outbox::SourceState StateOf(int64_t clinic_id) const {
    outbox::SourceState s;
    for (const auto& h : heads) {
      if (h.clinic_id == clinic_id) s.last_seq = h.last_seq;
    }
    if (auto it = unrelayed.find(clinic_id); it != unrelayed.end()) {
      s.unrelayed = it->second;
    }
    return s;
  }
};

absl::StatusOr<std::vector<OutboxState>> ReadOutboxes(store::Pool& pool) {
  return store::WithConnection(
      pool, absl::Now() + kCommandTimeout,
      [&](store::Connection& c) -> absl::StatusOr<std::vector<OutboxState>> {
        std::vector<OutboxState> out;
        for (const char* service :
             {"access", "intake", "prescription", "progress"}) {
          const outbox::OutboxStore store(service);
          if (!store.Exists(c)) continue;
          OutboxState& state = out.emplace_back();
          state.service = service;
          state.heads = store.AuditHeads(c);
          for (const auto& h : state.heads) {
            state.unrelayed[h.clinic_id] = store.Unrelayed(c, h.clinic_id);
          }
        }
        return out;
      });
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
  auto result =
      access::Bootstrap(**pool, args.clinic, args.admin_name, args.admin_email,
                        absl::Now() + kCommandTimeout);
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

int RunAuditVerify(const ServerConfig& config, absl::Duration relay_grace) {
  auto pool = OpenPool(config);
  if (!pool.ok()) return Fail(pool.status());
  access::AuditRepository audit(pool->get());
  auto reports = audit.VerifyAll(absl::InfiniteFuture());
  if (!reports.ok()) return Fail(reports.status());
  auto outboxes = ReadOutboxes(**pool);
  if (!outboxes.ok()) return Fail(outboxes.status());
  const absl::Time now = absl::Now();
  bool intact = true;
  absl::Duration lag;
  for (const auto& r : *reports) {
    if (r.first_break) {
      intact = false;
      std::cout << "clinics/" << r.clinic_id << ": BROKEN at event "
                << r.first_break->seq << ": " << r.first_break->problem << "\n";
      continue;
    }
    // Every event each service's outbox numbered is in the chain, or still
    // waiting for the relay (for less than the grace).
    std::vector<outbox::GapProblem> problems;
    for (const auto& o : *outboxes) {
      auto relayed = r.relayed.find(o.service);
      const outbox::SourceState state = o.StateOf(r.clinic_id);
      auto found = outbox::FindGaps(
          o.service, state.last_seq,
          relayed == r.relayed.end() ? std::vector<bool>() : relayed->second,
          state.unrelayed, now, relay_grace);
      lag = std::max(lag, found.lag);
      problems.insert(problems.end(), found.problems.begin(),
                      found.problems.end());
    }
    if (problems.empty()) {
      std::cout << "clinics/" << r.clinic_id << ": ok (" << r.events
                << " events)\n";
      continue;
    }
    intact = false;
    std::cout << "clinics/" << r.clinic_id << ": BROKEN: " << problems.size()
              << " event(s) missing from the log\n";
    for (const auto& p : problems) std::cout << "  " << p.text << "\n";
  }
  std::cout << "relay lag: " << absl::FormatDuration(lag) << "\n";
  return intact ? 0 : 1;
}

}  // namespace corebalance::server
