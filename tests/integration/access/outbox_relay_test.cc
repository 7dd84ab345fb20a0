// The outbox relay against the real access service and MariaDB: several
// relays at once append each event exactly once, and a database killed with
// SIGKILL under write load leaves no acknowledged write without its event.

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "services/access/repositories/audit_repository.h"
#include "services/outbox/outbox.h"
#include "services/outbox/relay.h"
#include "services/store/bind.h"
#include "services/store/run.h"
#include "tests/support/private_mariadb.h"
#include "tests/support/test_server.h"

namespace corebalance::test {
namespace {

int64_t QueryInt(store::Pool& pool, const std::string& sql) {
  auto n = store::WithConnection(
      pool, absl::Now() + absl::Seconds(10),
      [&](store::Connection& c) -> absl::StatusOr<int64_t> {
        auto rs = c.Query(sql);
        if (!rs->next()) return 0;
        return rs->getInt64(1);
      });
  EXPECT_TRUE(n.ok()) << n.status();
  return n.ok() ? *n : -1;
}

TEST(OutboxRelayTest, ThreeRelaysAtOnceAppendEachEventExactlyOnce) {
  TestServer server;
  store::Pool pool(server.database().config());
  const int64_t clinic =
      QueryInt(pool,
               "SELECT id FROM access_clinics WHERE display_name ="
               " 'San Clemente'");
  outbox::Outbox writer("intake", &pool);
  constexpr int kEvents = 600;
  for (int i = 0; i < kEvents; i += 50) {
    std::vector<v1::AuditEvent> batch(50);
    for (int k = 0; k < 50; ++k) {
      batch[k].set_actor("staffMembers/test");
      batch[k].set_action("test/Relay");
      batch[k].set_resource(absl::StrCat("patients/p", i + k));
      batch[k].set_status_code("OK");
    }
    ASSERT_TRUE(writer.store()
                    .AppendAuditNow(pool, absl::Now() + absl::Seconds(10),
                                    clinic, std::move(batch))
                    .ok());
  }
  // Two more replicas' relays, each with its own connections, racing the
  // server's own relay over the same rows.
  std::vector<std::unique_ptr<store::Pool>> pools;
  std::vector<std::unique_ptr<outbox::Outbox>> outboxes;
  std::vector<std::unique_ptr<outbox::Relay>> relays;
  outbox::Relay::Options options;
  options.batch = 64;
  for (int r = 0; r < 2; ++r) {
    pools.push_back(std::make_unique<store::Pool>(server.database().config()));
    outboxes.push_back(
        std::make_unique<outbox::Outbox>("intake", pools.back().get()));
    relays.push_back(
        std::make_unique<outbox::Relay>(outboxes.back().get(), server.channel(),
                                        server.config().internal_key, options));
  }
  std::vector<std::thread> threads;
  for (auto& relay : relays) {
    threads.emplace_back([&relay] {
      for (int i = 0; i < 200; ++i) {
        auto moved = relay->RelayOnce(absl::Now() + absl::Seconds(10));
        if (moved.ok() && *moved == 0) return;
      }
    });
  }
  for (auto& t : threads) t.join();
  WaitForAuditRelay(server);

  EXPECT_EQ(QueryInt(pool,
                     "SELECT COUNT(*) FROM access_audit_events WHERE source ="
                     " 'intake' AND action = 'test/Relay'"),
            kEvents);
  EXPECT_EQ(
      QueryInt(pool,
               "SELECT COUNT(DISTINCT source_seq) FROM access_audit_events"
               " WHERE source = 'intake'"),
      QueryInt(pool,
               "SELECT COUNT(*) FROM access_audit_events WHERE source ="
               " 'intake'"));
  access::AuditRepository audit(&pool);
  auto reports = audit.VerifyAll(absl::Now() + absl::Seconds(30));
  ASSERT_TRUE(reports.ok()) << reports.status();
  for (const auto& r : *reports) EXPECT_FALSE(r.first_break) << r.clinic_id;
}

TEST(OutboxRelayTest, DatabaseKilledUnderWriteLoadLeavesNoWriteUnaudited) {
  PrivateMariaDb db;
  ASSERT_TRUE(db.Start().ok());
  TestServer::Options options;
  options.database_server = db.config();
  TestServer server(options);
  const std::string token = server.admin_token();

  std::mutex mu;
  std::set<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::atomic<int> calls{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      auto stub = v1::IntakeService::NewStub(server.channel());
      for (int i = 0; !stop; ++i) {
        v1::CreatePatientRequest request;
        request.set_request_id(absl::StrCat("crash-", w, "-", i));
        request.mutable_patient()->set_given_name(absl::StrCat("W", w));
        request.mutable_patient()->set_family_name(absl::StrCat("N", i));
        // Retried with the same request id until it is acknowledged.
        for (int attempt = 0; attempt < 200 && !stop; ++attempt) {
          v1::Patient p;
          ++calls;
          if (stub->CreatePatient(Context(token, absl::Seconds(3)).get(),
                                  request, &p)
                  .ok()) {
            std::lock_guard<std::mutex> lock(mu);
            acknowledged.insert(p.name());
            break;
          }
        }
      }
    });
  }
  auto wait_for_calls = [&](int n) {
    const absl::Time until = absl::Now() + absl::Seconds(30);
    while (calls < n && absl::Now() < until)
      absl::SleepFor(absl::Milliseconds(5));
  };
  wait_for_calls(40);
  db.Kill();
  ASSERT_TRUE(db.Start().ok());
  const int after_restart = calls + 40;
  wait_for_calls(after_restart);
  {
    // Acknowledged writes keep coming after the restart.
    const absl::Time until = absl::Now() + absl::Seconds(30);
    size_t before;
    {
      std::lock_guard<std::mutex> lock(mu);
      before = acknowledged.size();
    }
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mu);
        if (acknowledged.size() >= before + 10 || absl::Now() > until) break;
      }
      absl::SleepFor(absl::Milliseconds(5));
    }
  }
  stop = true;
  for (auto& t : writers) t.join();
  WaitForAuditRelay(server, absl::Seconds(30));

  store::Pool pool(server.database().config());
  // Every stored patient (acknowledged or not) has its successful create
  // event (a retry whose first try committed adds the retry's own event),
  // every acknowledged one is stored, and no event is in the log twice.
  auto stored = store::WithConnection(
      pool, absl::Now() + absl::Seconds(10),
      [&](store::Connection& c)
          -> absl::StatusOr<std::map<std::string, int64_t>> {
        std::map<std::string, int64_t> out;
        auto rs = c.Query("SELECT id FROM intake_patients");
        while (rs->next())
          out[absl::StrCat("patients/", rs->getString(1).asStdString())] = 0;
        auto ev = c.Query(
            "SELECT resource, COUNT(*) FROM access_audit_events WHERE action ="
            " 'corebalance.v1.IntakeService/CreatePatient' AND outcome = 1"
            " GROUP BY resource");
        while (ev->next()) {
          out[ev->getString(1).asStdString()] += ev->getInt64(2);
        }
        return out;
      });
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_GT(acknowledged.size(), 20u);
  for (const auto& [patient, events] : *stored) {
    EXPECT_GE(events, 1) << patient << " was stored unaudited";
  }
  EXPECT_EQ(QueryInt(pool,
                     "SELECT COUNT(*) - COUNT(DISTINCT event_id) FROM"
                     " access_audit_events WHERE event_id IS NOT NULL"),
            0);
  for (const std::string& name : acknowledged) {
    EXPECT_TRUE(stored->count(name)) << name << " was acknowledged, not stored";
  }
}

}  // namespace
}  // namespace corebalance::test
