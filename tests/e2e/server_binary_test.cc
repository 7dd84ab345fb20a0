// corebalance-server as operators run it: migrate, bootstrap, audit verify,
// serve configured only by environment, and stop gracefully on SIGTERM.

#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "services/store/bind.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/support/free_port.h"
#include "tests/support/process.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using test::Process;
using test::ProcessResult;
using test::RunProcess;
using test::ServerBinary;

ProcessResult Server(const std::vector<std::string>& args,
                     const std::string& url) {
  std::vector<std::string> argv{ServerBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, {{"COREBALANCE_MYSQL_URL", url}});
}

std::string MigrateAndBootstrap(const test::TestDatabase& db) {
  return test::MigrateAndBootstrap(db.url());
}

int CountRows(const test::TestDatabase& db, const std::string& sql) {
  store::Pool pool(db.config());
  auto count =
      store::WithConnection(pool, absl::InfiniteFuture(),
                            [&](store::Connection& c) -> absl::StatusOr<int> {
                              auto rs = c.Query(sql);
                              rs->next();
                              return rs->getInt(1);
                            });
  return count.ok() ? *count : -1;
}

TEST(ServerBinaryTest, MigrateTwiceThenBootstrapOnceShowsTheTokenOnce) {
  test::TestDatabase db;
  ASSERT_EQ(Server({"migrate"}, db.url()).exit_code, 0);
  ProcessResult again = Server({"migrate"}, db.url());
  EXPECT_EQ(again.exit_code, 0) << again.err;

  ProcessResult first = Server(
      {"bootstrap", "--clinic", "San Clemente", "--admin-name", "Clinic Admin"},
      db.url());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(absl::StartsWith(first.out, "cbt_")) << first.out;
  EXPECT_EQ(std::count(first.out.begin(), first.out.end(), '\n'), 1);

  ProcessResult second = Server(
      {"bootstrap", "--clinic", "San Clemente", "--admin-name", "Clinic Admin"},
      db.url());
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, "");
  EXPECT_TRUE(absl::StrContains(second.err, "already bootstrapped"))
      << second.err;
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM access_clinics"), 1);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM access_staff_members"), 1);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM access_api_tokens"), 1);
}

TEST(ServerBinaryTest, ConcurrentMigratorsAndBootstrapsConverge) {
  test::TestDatabase db;
  std::vector<std::string> argv{ServerBinary(), "migrate"};
  Process a(argv, {{"COREBALANCE_MYSQL_URL", db.url()}});
  Process b(argv, {{"COREBALANCE_MYSQL_URL", db.url()}});
  EXPECT_EQ(a.Wait(), 0) << a.err();
  EXPECT_EQ(b.Wait(), 0) << b.err();

  std::vector<std::string> boot{ServerBinary(), "bootstrap",    "--clinic",
                                "San Clemente", "--admin-name", "Clinic Admin"};
  Process c(boot, {{"COREBALANCE_MYSQL_URL", db.url()}});
  Process d(boot, {{"COREBALANCE_MYSQL_URL", db.url()}});
  EXPECT_EQ(c.Wait(), 0) << c.err();
  EXPECT_EQ(d.Wait(), 0) << d.err();
  // Exactly one of them shows a token.
  EXPECT_EQ(
      absl::StartsWith(c.out(), "cbt_") + absl::StartsWith(d.out(), "cbt_"), 1)
      << c.out() << "|" << d.out();
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM access_staff_members"), 1);
}

// Changed with the outbox: bootstrap's events now commit with the admin and
// token into the access outbox, and reach the chain when a server relays
// them, so a bootstrapped database without a server has 0 chain events and 2
// waiting. Edited chain rows are caught by the audit integration tests.
TEST(ServerBinaryTest, AuditVerifyNamesEventsNeverRelayedOrDeleted) {
  test::TestDatabase db;
  ASSERT_EQ(Server({"migrate"}, db.url()).exit_code, 0);
  ASSERT_EQ(
      Server({"bootstrap", "--clinic", "San Clemente", "--admin-name", "A"},
             db.url())
          .exit_code,
      0);
  // Waiting for a relay, within the grace: fine.
  ProcessResult ok = Server({"audit", "verify"}, db.url());
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_TRUE(absl::StrContains(ok.out, "ok (0 events)")) << ok.out;
  EXPECT_TRUE(absl::StrContains(ok.out, "relay lag:")) << ok.out;

  // Past the grace: never relayed.
  ProcessResult late =
      Server({"audit", "verify", "--relay-grace", "0s"}, db.url());
  EXPECT_EQ(late.exit_code, 1) << late.out;
  EXPECT_TRUE(absl::StrContains(late.out, "access event 1 was never relayed"))
      << late.out;

  // Deleted from the outbox before it was relayed: a gap in the numbers.
  store::Pool pool(db.config());
  ASSERT_TRUE(store::WithConnection(pool, absl::InfiniteFuture(),
                                    [](store::Connection& c) {
                                      c.Execute(
                                          "DELETE FROM access_outbox WHERE "
                                          "stream = 1 AND seq = 2");
                                      return absl::OkStatus();
                                    })
                  .ok());
  ProcessResult broken = Server({"audit", "verify"}, db.url());
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(broken.out, "access event 2 is missing"))
      << broken.out;
}

TEST(ServerBinaryTest, BadFlagsExitWithUsageErrors) {
  ProcessResult bad_target = RunProcess({ServerBinary(), "--target=billing"});
  EXPECT_EQ(bad_target.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(bad_target.err, "unknown service \"billing\""))
      << bad_target.err;
  ProcessResult bad_duration =
      RunProcess({ServerBinary(), "--drain-timeout=soon"});
  EXPECT_EQ(bad_duration.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(bad_duration.err, "--drain-timeout"));
}

TEST(ServerBinaryTest, PortInUseIsAClearError) {
  test::TestDatabase db;
  ASSERT_EQ(Server({"migrate"}, db.url()).exit_code, 0);
  const int port = test::PickFreePort();
  Process first({ServerBinary()},
                {{"COREBALANCE_MYSQL_URL", db.url()},
                 {"COREBALANCE_LISTEN", absl::StrCat("127.0.0.1:", port)}});
  ASSERT_TRUE(test::WaitForServing(port)) << first.err();
  ProcessResult second =
      RunProcess({ServerBinary()},
                 {{"COREBALANCE_MYSQL_URL", db.url()},
                  {"COREBALANCE_LISTEN", absl::StrCat("127.0.0.1:", port)}});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(second.err, "cannot listen on 127.0.0.1:"))
      << second.err;
  first.Signal(SIGTERM);
  EXPECT_EQ(first.Wait(), 0);
}

// Configured only through COREBALANCE_* variables (as the Kubernetes
// manifests do); SIGTERM with calls in flight: NOT_SERVING first, calls keep
// succeeding through the drain delay, then a clean exit 0.
TEST(ServerBinaryTest, ServesFromEnvironmentAndDrainsOnSigterm) {
  test::TestDatabase db;
  const std::string admin = MigrateAndBootstrap(db);
  ASSERT_FALSE(admin.empty());
  const int port = test::PickFreePort();
  Process server({ServerBinary()},
                 {{"COREBALANCE_MYSQL_URL", db.url()},
                  {"COREBALANCE_LISTEN", absl::StrCat("127.0.0.1:", port)},
                  {"COREBALANCE_TARGET", "all"},
                  {"COREBALANCE_DRAIN_DELAY", "1s"},
                  {"COREBALANCE_DRAIN_TIMEOUT", "5s"}});
  ASSERT_TRUE(test::WaitForServing(port)) << server.err();

  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                     grpc::InsecureChannelCredentials());
  std::atomic<bool> stop{false};
  std::atomic<int> ok{0}, unavailable{0}, other{0};
  std::mutex mu;
  std::string unexpected;
  std::vector<std::thread> callers;
  for (int i = 0; i < 4; ++i) {
    callers.emplace_back([&] {
      auto stub = v1::AccessService::NewStub(channel);
      while (!stop) {
        v1::ListStaffMembersResponse response;
        grpc::Status s =
            stub->ListStaffMembers(test::Context(admin).get(), {}, &response);
        if (s.ok()) {
          ++ok;
        } else if (s.error_code() == grpc::StatusCode::UNAVAILABLE ||
                   s.error_code() == grpc::StatusCode::CANCELLED) {
          // Refused once the server stopped accepting calls: a client that
          // kept sending after the drain delay. Retry elsewhere.
          ++unavailable;
          absl::SleepFor(absl::Milliseconds(20));
        } else {
          ++other;
          std::lock_guard<std::mutex> lock(mu);
          unexpected +=
              absl::StrCat(s.error_code(), ": ", s.error_message(), "\n");
        }
      }
    });
  }
  absl::SleepFor(absl::Milliseconds(300));
  const int ok_before = ok;
  server.Signal(SIGTERM);
  absl::SleepFor(absl::Milliseconds(300));
  // In the drain delay: health says NOT_SERVING, calls still succeed.
  auto health = grpc::health::v1::Health::NewStub(channel);
  grpc::health::v1::HealthCheckResponse status;
  ASSERT_TRUE(health->Check(test::Context("").get(), {}, &status).ok());
  EXPECT_EQ(status.status(),
            grpc::health::v1::HealthCheckResponse::NOT_SERVING);
  const int ok_during = ok;
  EXPECT_EQ(server.Wait(absl::Seconds(15)), 0) << server.err();
  stop = true;
  for (auto& t : callers) t.join();
  EXPECT_GT(ok_before, 0);
  EXPECT_GT(ok - ok_during, 0) << "calls kept succeeding during the drain";
  EXPECT_EQ(other, 0) << "calls may only be refused (UNAVAILABLE/CANCELLED):\n"
                      << unexpected;
  EXPECT_TRUE(absl::StrContains(server.err(), "phase=done")) << server.err();
}

// kill -9 between commit and relay: a server that relays nothing (as one
// killed before its relay ran) leaves the committed events in the outbox;
// after a restart each reaches the log exactly once.
TEST(ServerBinaryTest, KillNineBeforeTheRelayLosesNoAuditEvent) {
  test::TestDatabase db;
  const std::string admin = MigrateAndBootstrap(db);
  ASSERT_FALSE(admin.empty());
  const int port = test::PickFreePort();
  const std::map<std::string, std::string> env{
      {"COREBALANCE_MYSQL_URL", db.url()},
      {"COREBALANCE_LISTEN", absl::StrCat("127.0.0.1:", port)}};
  std::map<std::string, std::string> no_relay = env;
  no_relay["COREBALANCE_RELAY_INTERVAL"] = "0s";
  std::vector<std::string> patients;
  {
    Process server({ServerBinary()}, no_relay);
    ASSERT_TRUE(test::WaitForServing(port)) << server.err();
    auto stub = v1::IntakeService::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
    for (int i = 0; i < 20; ++i) {
      v1::CreatePatientRequest request;
      request.mutable_patient()->set_given_name("Kill");
      request.mutable_patient()->set_family_name(absl::StrCat("Nine", i));
      v1::Patient p;
      ASSERT_TRUE(
          stub->CreatePatient(test::Context(admin).get(), request, &p).ok());
      patients.push_back(p.name());
    }
    server.Signal(SIGKILL);
    server.Wait();
  }
  // Committed, acknowledged, not in the log yet.
  EXPECT_GE(
      CountRows(db, "SELECT COUNT(*) FROM intake_outbox WHERE stream = 1"), 20);
  Process server({ServerBinary()}, env);
  ASSERT_TRUE(test::WaitForServing(port)) << server.err();
  test::WaitForAuditRelay(db.config());
  for (const std::string& patient : patients) {
    EXPECT_EQ(
        CountRows(
            db, absl::StrCat("SELECT COUNT(*) FROM access_audit_events"
                             " WHERE resource = '",
                             patient,
                             "' AND action ="
                             " 'corebalance.v1.IntakeService/CreatePatient'")),
        1)
        << patient;
  }
  ProcessResult verified = Server({"audit", "verify"}, db.url());
  EXPECT_EQ(verified.exit_code, 0) << verified.out;
  server.Signal(SIGTERM);
  EXPECT_EQ(server.Wait(), 0);
}

}  // namespace
}  // namespace corebalance
