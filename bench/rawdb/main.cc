// corebalance-bench-rawdb: the raw-database baseline. Runs the SQL that
// ProgressService's LogSession and GetProgressSummary run, through the same
// store classes, on one database connection per call in flight, without
// gRPC: the limit the service is measured against. Prints the same report
// as corebalance-bench.

#include <cppconn/exception.h>
#include <cppconn/resultset.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/common/report.h"
#include "bench/common/run_clock.h"
#include "bench/common/seed_file.h"
#include "bench/rawdb/raw_get_patient.h"
#include "bench/rawdb/raw_log_session.h"
#include "bench/rawdb/raw_summary.h"
#include "bench/rawdb/with_audit.h"
#include "bench/rawdb/worker_loop.h"
#include "services/store/bind.h"
#include "services/store/mysql_config.h"
#include "services/store/pool.h"
#include "services/store/run.h"

namespace {

using namespace corebalance;
using namespace corebalance::bench;

struct Flags {
  std::string mysql_url;
  std::string scenario;
  std::string seed_file = "bench-seed.tsv";
  std::string group;
  int window_days = 0;
  int in_flight = 16;
  double duration = 10;
  int64_t requests = 0;
  double warmup = 2;
  bool audit = false;
  bool json = false;
};

int Fail(const absl::Status& status) {
  std::cerr << "corebalance-bench-rawdb: " << status.message() << "\n";
  return 2;
}

// The seeded patients' clinic.
absl::StatusOr<int64_t> ClinicOf(store::Pool& pool, const SeedPatient& p) {
  return store::WithConnection(
      pool, absl::Now() + absl::Seconds(10),
      [&](store::Connection& c) -> absl::StatusOr<int64_t> {
        auto rs = store::Query(
            c, "SELECT clinic_id FROM intake_patients WHERE id = ?",
            p.patient_id);
        if (!rs->next()) {
          return absl::NotFoundError(
              absl::StrCat("patient ", p.patient_id,
                           " of the seed file is not in this database"));
        }
        return static_cast<int64_t>(rs->getInt64(1));
      });
}

}  // namespace

int main(int argc, char** argv) {
  Flags f;
  CLI::App app{"corebalance-bench-rawdb: the raw-database baseline",
               "corebalance-bench-rawdb"};
  app.add_option("--mysql-url", f.mysql_url,
                 "mysql://root@127.0.0.1:PORT/DBNAME")
      ->required();
  app.add_option("--scenario", f.scenario,
                 "log-session, progress-summary or get-patient")
      ->required()
      ->check(
          CLI::IsMember({"log-session", "progress-summary", "get-patient"}));
  app.add_option("--seed-file,--patients-file", f.seed_file,
                 "patients written by corebalance-bench-seed --out")
      ->capture_default_str();
  app.add_option("--group", f.group,
                 "seed group (default: main; progress-summary heavy)");
  app.add_option("--window-days", f.window_days,
                 "summary window_days (0: the server's default)")
      ->check(CLI::Range(0, 365));
  app.add_option("--in-flight", f.in_flight,
                 "workers, each with its own connection")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--duration", f.duration, "seconds measured")
      ->capture_default_str();
  app.add_option("--requests", f.requests,
                 "calls measured (instead of --duration)");
  app.add_option("--warmup", f.warmup, "seconds of unmeasured warm-up")
      ->capture_default_str();
  app.add_flag("--audit", f.audit,
               "progress-summary: also commit its disclosure event to the "
               "outbox, as the server does before answering (get-patient "
               "always does; log-session's events are in its transaction)");
  app.add_flag("--json", f.json,
               "print one JSON object on stdout (the text goes to stderr)");
  CLI11_PARSE(app, argc, argv);

  auto mysql = store::ParseMysqlUrl(f.mysql_url);
  if (!mysql.ok()) return Fail(mysql.status());
  mysql->pool_size = f.in_flight;
  store::Pool pool(*mysql);

  auto all = ReadSeedFile(f.seed_file);
  if (!all.ok()) return Fail(all.status());
  const bool summary = f.scenario == "progress-summary";
  const std::string group =
      !f.group.empty() ? f.group : (summary ? "heavy" : "main");
  auto groups = ByGroup(*all);
  if (groups[group].empty()) {
    return Fail(absl::FailedPreconditionError(absl::StrCat(
        "the seed file has no patients of group \"", group, "\"")));
  }
  auto clinic_id = ClinicOf(pool, groups[group].front());
  if (!clinic_id.ok()) return Fail(clinic_id.status());

  std::unique_ptr<RawOperation> op;
  if (f.scenario == "get-patient") {
    op = NewRawGetPatient(&pool, *clinic_id, groups[group]);
  } else if (summary) {
    op = NewRawSummary(&pool, *clinic_id, groups[group], f.window_days);
    // A read's disclosure, as the server commits it before answering.
    if (f.audit) {
      op = WithAudit(std::move(op), &pool, *clinic_id, "progress",
                     "corebalance.v1.ProgressService/GetProgressSummary");
    }
  } else {
    // Its audit and domain events are in its transaction already.
    op = NewRawLogSession(&pool, *clinic_id, groups[group]);
  }

  RunClock clock(absl::Seconds(f.warmup), absl::Seconds(f.duration),
                 f.requests);
  auto recorders = RunWorkers(*op, f.in_flight, clock);

  Report report;
  report.tool = "corebalance-bench-rawdb";
  report.scenario = f.scenario + (f.audit ? "+audit" : "");
  report.connections = f.in_flight;
  report.in_flight = f.in_flight;
  report.threads = f.in_flight;
  report.warmup_seconds = f.warmup;
  report.notes = op->Notes();
  std::vector<const Recorder*> views;
  for (const auto& r : recorders) views.push_back(r.get());
  Summarize(views, {f.scenario}, clock.MeasuredSeconds(), report);
  if (f.json) {
    std::cerr << ReportText(report);
    std::cout << ReportJson(report) << std::endl;
  } else {
    std::cout << ReportText(report);
  }
  return report.total.errors > 0 ? 1 : 0;
}
