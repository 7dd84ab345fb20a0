// corebalance-bench-scan: the adherence scan's full pass. Seeds a clinic of
// ACTIVE plans in progress's copy (scan_seed.h), then has `--replicas`
// scanners (each with its own connections, as replicas have) pass over the
// due plans at once, and a second pass right after (the incremental one:
// nothing is due). Prints key-value lines for bench/write_results.py.

#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/scan/scan_seed.h"
#include "services/progress/scanner_replica.h"
#include "services/store/mysql_config.h"

namespace {

using namespace corebalance;

int Fail(const absl::Status& status) {
  std::cerr << "corebalance-bench-scan: " << status << "\n";
  return 1;
}

// User and system CPU this process used so far.
double ProcessCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
  std::string mysql_url;
  bench::ScanSeed seed{
      .clinic_id = 900001, .plans = 100000, .sessions_per_plan = 9};
  int replicas = 2;
  CLI::App app{"corebalance-bench-scan: the adherence scan's full pass",
               "corebalance-bench-scan"};
  app.add_option("--mysql-url", mysql_url,
                 "the server's database: mysql://root@127.0.0.1:PORT/DBNAME")
      ->required();
  app.add_option("--plans", seed.plans, "ACTIVE plans")->capture_default_str();
  app.add_option("--sessions-per-plan", seed.sessions_per_plan,
                 "sessions of each plan's patient")
      ->capture_default_str();
  app.add_option("--replicas", replicas, "scanners passing at once")
      ->capture_default_str();
  app.add_option("--clinic-id", seed.clinic_id, "the clinic to seed")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto mysql = store::ParseMysqlUrl(mysql_url);
  if (!mysql.ok()) return Fail(mysql.status());
  mysql->pool_size = 4;

  seed.now = absl::Now();
  const absl::Time seeding = absl::Now();
  {
    store::Pool pool(*mysql);
    if (absl::Status s = bench::SeedScanClinic(pool, seed); !s.ok()) {
      return Fail(s);
    }
  }
  std::cout << "scan_seed_seconds "
            << absl::ToDoubleSeconds(absl::Now() - seeding) << "\n";

  std::vector<std::unique_ptr<progress::ScannerReplica>> scanners;
  for (int i = 0; i < replicas; ++i) {
    scanners.push_back(std::make_unique<progress::ScannerReplica>(*mysql));
  }
  // Every plan was made due when it was copied: one full pass.
  const absl::Time at = absl::Now();
  std::vector<absl::StatusOr<progress::ScanResult>> results(replicas);
  std::vector<absl::Duration> busy(replicas);
  std::vector<std::thread> threads;
  const double cpu_before = ProcessCpuSeconds();
  const absl::Time started = absl::Now();
  for (int i = 0; i < replicas; ++i) {
    threads.emplace_back([&, i] {
      const absl::Time t0 = absl::Now();
      results[i] = scanners[i]->scanner.ScanOnce(at);
      busy[i] = absl::Now() - t0;
    });
  }
  for (auto& t : threads) t.join();
  const absl::Duration wall = absl::Now() - started;
  // The replicas' own CPU (this process does nothing else meanwhile); the
  // rest of their time is the database's.
  const double cpu = ProcessCpuSeconds() - cpu_before;
  int plans = 0;
  int raised = 0;
  absl::Duration replica_time;
  for (int i = 0; i < replicas; ++i) {
    if (!results[i].ok()) return Fail(results[i].status());
    plans += results[i]->plans;
    raised += results[i]->raised;
    replica_time += busy[i];
    std::cout << "scan_replica_" << i << " plans=" << results[i]->plans
              << " seconds=" << absl::ToDoubleSeconds(busy[i]) << "\n";
  }
  std::cout << "scan_plans " << plans << "\n"
            << "scan_raised " << raised << "\n"
            << "scan_replicas " << replicas << "\n"
            << "scan_wall_seconds " << absl::ToDoubleSeconds(wall) << "\n"
            << "scan_replica_seconds " << absl::ToDoubleSeconds(replica_time)
            << "\n"
            << "scan_cpu_seconds " << cpu << "\n";

  // Right after, nothing is due: what an ordinary interval costs.
  const absl::Time again = absl::Now();
  absl::StatusOr<progress::ScanResult> next =
      scanners[0]->scanner.ScanOnce(absl::Now());
  if (!next.ok()) return Fail(next.status());
  std::cout << "scan_next_plans " << next->plans << "\n"
            << "scan_next_seconds "
            << absl::ToDoubleSeconds(absl::Now() - again) << "\n";
  return 0;
}
