// corebalance-bench: a closed-loop gRPC load generator for corebalance-server.
// Prints requests/s, latency percentiles and errors by status code, as text
// or (--json) one JSON object on stdout with the text on stderr.

#include <CLI/CLI.hpp>
#include <iostream>

#include "absl/strings/str_join.h"
#include "bench/common/channels.h"
#include "bench/common/report.h"
#include "bench/common/run_clock.h"
#include "bench/common/seed_file.h"
#include "bench/common/token.h"
#include "bench/load/attacker.h"
#include "bench/load/driver.h"
#include "bench/load/scenario.h"

namespace {

using namespace corebalance::bench;

struct Flags {
  std::string addr = "127.0.0.1:50051";
  std::string token;
  std::string token_file;
  std::string scenario;
  std::string seed_file = "bench-seed.tsv";
  std::string group;
  int window_days = 0;
  int connections = 4;
  int in_flight = 16;
  int threads = 1;
  double duration = 10;
  int64_t requests = 0;
  double warmup = 2;
  double timeout = 10;
  double attack_rate = 0;
  bool json = false;
};

int Fail(const absl::Status& status) {
  std::cerr << "corebalance-bench: " << status.message() << "\n";
  return 2;
}

bool NeedsSeedFile(const std::string& scenario) {
  return scenario != "health" && scenario != "list-patients";
}

}  // namespace

int main(int argc, char** argv) {
  Flags f;
  CLI::App app{"corebalance-bench: closed-loop gRPC load on corebalance-server",
               "corebalance-bench"};
  app.add_option("--addr", f.addr, "server address")->capture_default_str();
  app.add_option("--token", f.token,
                 "API token (else --token-file, else "
                 "$COREBALANCE_TOKEN)");
  app.add_option("--token-file", f.token_file,
                 "file whose first line is "
                 "the API token");
  app.add_option("--scenario", f.scenario, absl::StrJoin(ScenarioNames(), ", "))
      ->required();
  app.add_option("--seed-file,--patients-file", f.seed_file,
                 "patients written by corebalance-bench-seed --out")
      ->capture_default_str();
  app.add_option("--group", f.group,
                 "seed group to draw patients from (default: main; "
                 "progress-summary heavy; assign-plan and submit-assessment "
                 "assign)");
  app.add_option("--window-days", f.window_days,
                 "GetProgressSummary window_days (0: server default)")
      ->check(CLI::Range(0, 365));
  app.add_option("--connections", f.connections, "separate HTTP/2 connections")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--in-flight", f.in_flight, "calls in flight in total")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  app.add_option("--threads", f.threads, "completion-queue threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  app.add_option("--duration", f.duration, "seconds measured")
      ->capture_default_str();
  app.add_option("--requests", f.requests,
                 "calls measured (instead of --duration)");
  app.add_option("--warmup", f.warmup, "seconds of unmeasured warm-up")
      ->capture_default_str();
  app.add_option("--timeout", f.timeout, "deadline of each call, seconds")
      ->capture_default_str();
  app.add_option("--attack-rate", f.attack_rate,
                 "made-up-token calls per second sent alongside (0: none)")
      ->capture_default_str();
  app.add_flag("--json", f.json,
               "print one JSON object on stdout (the text goes to stderr)");
  CLI11_PARSE(app, argc, argv);

  auto token = ResolveToken(f.token, f.token_file);
  if (!token.ok() && f.scenario != "health") return Fail(token.status());

  ScenarioInputs inputs;
  inputs.group = f.group;
  inputs.window_days = f.window_days;
  if (NeedsSeedFile(f.scenario)) {
    auto patients = ReadSeedFile(f.seed_file);
    if (!patients.ok()) return Fail(patients.status());
    inputs.groups = ByGroup(*patients);
  }
  auto scenario = MakeScenario(f.scenario, inputs);
  if (!scenario.ok()) return Fail(scenario.status());

  auto channels = ConnectChannels(f.addr, f.connections, absl::Seconds(10));
  if (!channels.ok()) return Fail(channels.status());

  DriverOptions options;
  options.in_flight = f.in_flight;
  options.threads = f.threads;
  options.timeout = absl::Seconds(f.timeout);
  options.token = token.ok() ? *token : "";
  RunClock clock(absl::Seconds(f.warmup), absl::Seconds(f.duration),
                 f.requests);
  std::unique_ptr<Attacker> attacker;
  if (f.attack_rate > 0) {
    auto spray = ConnectChannels(f.addr, 1, absl::Seconds(10));
    if (!spray.ok()) return Fail(spray.status());
    attacker = std::make_unique<Attacker>(spray->front(), f.attack_rate);
    attacker->Start();
  }
  auto recorders = RunClosedLoop(**scenario, *channels, options, clock);
  if (attacker) attacker->Stop();

  Report report;
  report.tool = "corebalance-bench";
  report.scenario = f.scenario;
  report.connections = f.connections;
  report.in_flight = f.in_flight;
  report.threads = std::min(f.threads, f.in_flight);
  report.warmup_seconds = f.warmup;
  report.notes = (*scenario)->Notes();
  if (attacker) report.notes.push_back(attacker->Summary());
  std::vector<const Recorder*> views;
  for (const auto& r : recorders) views.push_back(r.get());
  Summarize(views, (*scenario)->OpNames(), clock.MeasuredSeconds(), report);

  if (f.json) {
    std::cerr << ReportText(report);
    std::cout << ReportJson(report) << std::endl;
  } else {
    std::cout << ReportText(report);
  }
  return report.total.errors > 0 ? 1 : 0;
}
