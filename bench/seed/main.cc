// corebalance-bench-seed: a realistic clinic for the benchmarks. Patients,
// INITIAL assessments and plans through the gRPC API; a year of sessions by
// bulk SQL. Writes the seed file corebalance-bench reads. Run it again with
// the same flags to resume after a failure.

#include <grpcpp/client_context.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/common/channels.h"
#include "bench/common/seed_file.h"
#include "bench/common/token.h"
#include "bench/seed/api_seeder.h"
#include "bench/seed/backdate.h"
#include "bench/seed/seed_plan.h"
#include "bench/seed/seed_writer.h"
#include "bench/seed/session_loader.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "services/store/mysql_config.h"

namespace {

using namespace corebalance;
using namespace corebalance::bench;

struct Flags {
  std::string addr = "127.0.0.1:50051";
  std::string token;
  std::string token_file;
  std::string mysql_url;
  std::string out = "bench-seed.tsv";
  SeedPlanFlags plan;
  int api_concurrency = 16;
  int connections = 4;
  int sql_workers = 2;
  int batch_rows = 1000;
  bool skip_sessions = false;
};

int Fail(const absl::Status& status) {
  std::cerr << "corebalance-bench-seed: " << status.message() << "\n";
  return 1;
}

// The caller's clinic id and principal name, from the token.
absl::Status WhoAmI(const std::shared_ptr<grpc::Channel>& channel,
                    const std::string& token, ApiSeederOptions& options) {
  auto stub = v1::AccessService::NewStub(channel);
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + token);
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  v1::CallerIdentity me;
  grpc::Status s =
      stub->GetCallerIdentity(&context, v1::GetCallerIdentityRequest(), &me);
  if (!s.ok()) {
    return absl::UnauthenticatedError(
        absl::StrCat("GetCallerIdentity: ", s.error_message()));
  }
  const std::string prefix = "clinics/";
  if (me.clinic().rfind(prefix, 0) != 0 ||
      !absl::SimpleAtoi(me.clinic().substr(prefix.size()),
                        &options.clinic_id)) {
    return absl::InternalError(
        absl::StrCat("unexpected clinic name \"", me.clinic(), "\""));
  }
  options.principal = me.principal();
  return absl::OkStatus();
}

}  // namespace

int main(int argc, char** argv) {
  Flags f;
  CLI::App app{"corebalance-bench-seed: seeds a realistic clinic",
               "corebalance-bench-seed"};
  app.add_option("--addr", f.addr, "server address")->capture_default_str();
  app.add_option("--token", f.token, "API token of an ADMIN or PRACTITIONER");
  app.add_option("--token-file", f.token_file, "file holding the token");
  app.add_option("--mysql-url", f.mysql_url,
                 "the server's database: mysql://root@127.0.0.1:PORT/DBNAME")
      ->required();
  app.add_option("--out", f.out, "seed file to write (appended on resume)")
      ->capture_default_str();
  app.add_option("--patients", f.plan.patients, "patients of group main")
      ->capture_default_str()
      ->check(CLI::Range(0, 10000000));
  app.add_option("--sessions-per-patient", f.plan.sessions_per_patient,
                 "sessions of each main patient")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  app.add_option("--days", f.plan.days,
                 "days the main patients' sessions spread over")
      ->capture_default_str()
      ->check(CLI::Range(1, 3650));
  app.add_option("--heavy-sessions", f.plan.heavy_sessions,
                 "sessions of the progress-summary patient (one a day)")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  app.add_option("--curve", f.plan.curve,
                 "one patient per count, one session a day (summary time vs "
                 "history)")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--assign-patients", f.plan.assign_patients,
                 "assessed patients without sessions, for assign-plan")
      ->capture_default_str();
  app.add_option("--api-concurrency", f.api_concurrency,
                 "patients created at once through the API")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--connections", f.connections, "HTTP/2 connections")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  app.add_option("--sql-workers", f.sql_workers,
                 "database connections loading sessions")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  app.add_option("--batch-rows", f.batch_rows, "sessions per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  app.add_flag("--skip-sessions", f.skip_sessions,
               "create the patients only; load the sessions on a later run");
  CLI11_PARSE(app, argc, argv);

  auto token = ResolveToken(f.token, f.token_file);
  if (!token.ok()) return Fail(token.status());
  auto mysql = store::ParseMysqlUrl(f.mysql_url);
  if (!mysql.ok()) return Fail(mysql.status());
  mysql->pool_size = f.sql_workers;
  auto channels = ConnectChannels(f.addr, f.connections, absl::Seconds(10));
  if (!channels.ok()) return Fail(channels.status());

  ApiSeederOptions api;
  api.token = *token;
  api.concurrency = f.api_concurrency;
  api.mysql = *mysql;
  if (absl::Status s = WhoAmI(channels->front(), *token, api); !s.ok()) {
    return Fail(s);
  }

  std::vector<SeedPatient> existing;
  if (auto read = ReadSeedFile(f.out); read.ok()) {
    existing = *std::move(read);
  } else if (!absl::IsNotFound(read.status())) {
    return Fail(read.status());
  }
  const std::vector<GroupSpec> groups = PlanGroups(f.plan);
  SeedWriter writer;
  if (absl::Status s = writer.Open(f.out); !s.ok()) return Fail(s);
  if (absl::Status s = SeedPatientsThroughApi(
          *channels, groups, MissingPatients(groups, existing), api, writer);
      !s.ok()) {
    return Fail(
        absl::Status(s.code(), absl::StrCat(s.message(),
                                            " (the patients finished so far "
                                            "are in ",
                                            f.out, "; run again to resume)")));
  }

  {
    store::Pool pool(*mysql);
    std::cerr << "seed: progress takes its copy of the backdated plans anew\n";
    if (absl::Status s = RecopySources(pool, absl::Minutes(10)); !s.ok()) {
      return Fail(s);
    }
  }

  auto all = ReadSeedFile(f.out);
  if (!all.ok()) return Fail(all.status());
  if (!f.skip_sessions) {
    LoaderOptions loader;
    loader.mysql = *mysql;
    loader.clinic_id = api.clinic_id;
    loader.workers = f.sql_workers;
    loader.batch_rows = f.batch_rows;
    if (absl::Status s = LoadSessions(*all, loader); !s.ok()) return Fail(s);
  }
  for (const auto& [group, patients] : ByGroup(*all)) {
    int64_t sessions = 0;
    for (const auto& p : patients) sessions += p.sessions;
    std::cerr << "seed: group " << group << ": " << patients.size()
              << " patients, " << sessions << " sessions\n";
  }
  std::cerr << "seed: done; seed file " << f.out << "\n";
  return 0;
}
