// The audit log records who did what, refusals included, and its hash chain
// exposes edited or removed rows.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "absl/time/clock.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "services/access/repositories/audit_repository.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using test::Context;
using test::TestServer;

std::vector<v1::AuditEvent> AllEvents(TestServer& server,
                                      v1::ListAuditEventsRequest request = {}) {
  test::WaitForAuditRelay(server);
  auto stub = v1::AccessService::NewStub(server.channel());
  std::vector<v1::AuditEvent> out;
  request.set_page_size(2);  // exercise paging
  for (int pages = 0; pages < 1000; ++pages) {
    v1::ListAuditEventsResponse page;
    grpc::Status s = stub->ListAuditEvents(Context(server.admin_token()).get(),
                                           request, &page);
    EXPECT_TRUE(s.ok()) << s.error_message();
    if (!s.ok()) break;
    out.insert(out.end(), page.audit_events().begin(),
               page.audit_events().end());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  return out;
}

TEST(AuditTest, RecordsSuccessesAndRefusalsNewestFirst) {
  TestServer server;
  auto stub = v1::AccessService::NewStub(server.channel());
  v1::CreateStaffMemberRequest create;
  create.mutable_staff_member()->set_display_name("Audited Person");
  create.mutable_staff_member()->set_role(v1::ROLE_PRACTITIONER);
  create.set_request_id("req-audited-person");
  v1::StaffMember staff;
  ASSERT_TRUE(stub->CreateStaffMember(Context(server.admin_token()).get(),
                                      create, &staff)
                  .ok());
  const std::string practitioner =
      server.StaffToken(v1::ROLE_PRACTITIONER, "P");
  v1::ListStaffMembersResponse ignored;
  ASSERT_EQ(stub->ListStaffMembers(Context(practitioner).get(), {}, &ignored)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  // A refused call is filed against the resource it asked for.
  v1::GetStaffMemberRequest get;
  get.set_name(staff.name());
  v1::StaffMember not_given;
  ASSERT_EQ(stub->GetStaffMember(Context(practitioner).get(), get, &not_given)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  std::vector<v1::AuditEvent> events = AllEvents(server);
  ASSERT_GE(events.size(), 4u);
  EXPECT_EQ(events[0].action(), "corebalance.v1.AccessService/GetStaffMember");
  EXPECT_EQ(events[0].resource(), staff.name());
  EXPECT_EQ(events[0].outcome(), v1::AuditEvent::OUTCOME_DENIED);
  events.erase(events.begin());
  // Newest first: the refusal is on top.
  const v1::AuditEvent& denied = events[0];
  EXPECT_EQ(denied.action(), "corebalance.v1.AccessService/ListStaffMembers");
  EXPECT_EQ(denied.outcome(), v1::AuditEvent::OUTCOME_DENIED);
  EXPECT_EQ(denied.status_code(), "PERMISSION_DENIED");
  EXPECT_EQ(denied.actor_role(), v1::ROLE_PRACTITIONER);
  EXPECT_FALSE(denied.peer().empty());

  bool saw_create = false;
  for (const auto& e : events) {
    if (e.action() == "corebalance.v1.AccessService/CreateStaffMember" &&
        e.resource() == staff.name()) {
      saw_create = true;
      EXPECT_EQ(e.outcome(), v1::AuditEvent::OUTCOME_SUCCESS);
      EXPECT_EQ(e.request_id(), "req-audited-person");
      EXPECT_EQ(e.actor_role(), v1::ROLE_ADMIN);
      EXPECT_EQ(e.hash().size(), 64u);
    }
  }
  EXPECT_TRUE(saw_create);

  // Filtering by actor returns only that actor's events.
  v1::CallerIdentity me;
  ASSERT_TRUE(
      stub->GetCallerIdentity(Context(practitioner).get(), {}, &me).ok());
  v1::ListAuditEventsRequest by_actor;
  by_actor.set_actor(me.principal());
  auto mine = AllEvents(server, by_actor);
  ASSERT_FALSE(mine.empty());
  for (const auto& e : mine) EXPECT_EQ(e.actor(), me.principal());
}

TEST(AuditTest, ChainVerifiesAndDetectsEditsAndDeletions) {
  TestServer server;
  auto stub = v1::AccessService::NewStub(server.channel());
  for (int i = 0; i < 5; ++i) {
    v1::ListStaffMembersResponse list;
    ASSERT_TRUE(
        stub->ListStaffMembers(Context(server.admin_token()).get(), {}, &list)
            .ok());
  }
  test::WaitForAuditRelay(server);
  store::Pool pool(server.database().config());
  access::AuditRepository audit(&pool);
  auto reports = audit.VerifyAll(absl::Now() + absl::Seconds(30));
  ASSERT_TRUE(reports.ok()) << reports.status();
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_FALSE((*reports)[0].first_break.has_value());
  EXPECT_GE((*reports)[0].events, 6);  // bootstrap + 5 lists

  // Someone with database access rewrites who did event 3.
  ASSERT_TRUE(store::WithConnection(pool, absl::InfiniteFuture(),
                                    [](store::Connection& c) {
                                      c.Execute(
                                          "UPDATE access_audit_events SET "
                                          "actor = 'staffMembers/nobody' "
                                          "WHERE seq = 3");
                                      return absl::OkStatus();
                                    })
                  .ok());
  reports = audit.VerifyAll(absl::Now() + absl::Seconds(30));
  ASSERT_TRUE(reports.ok());
  ASSERT_TRUE((*reports)[0].first_break.has_value());
  EXPECT_EQ((*reports)[0].first_break->seq, 3);
}

TEST(AuditTest, ConcurrentCallsAreEachRecordedInOneUnbrokenChain) {
  TestServer server;
  auto stub = v1::AccessService::NewStub(server.channel());
  constexpr int kThreads = 8;
  constexpr int kCallsEach = 25;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kCallsEach; ++i) {
        v1::ListStaffMembersResponse list;
        if (stub->ListStaffMembers(Context(server.admin_token()).get(), {},
                                   &list)
                .ok()) {
          ++ok;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(ok.load(), kThreads * kCallsEach);
  test::WaitForAuditRelay(server);
  store::Pool pool(server.database().config());
  access::AuditRepository audit(&pool);
  auto reports = audit.VerifyAll(absl::Now() + absl::Seconds(30));
  ASSERT_TRUE(reports.ok()) << reports.status();
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_FALSE((*reports)[0].first_break.has_value());
  // Relayed in batches, but every call has its event: bootstrap's two (the
  // admin and the token, each committed with its change since the outbox)
  // + the lists.
  EXPECT_EQ((*reports)[0].events, 2 + kThreads * kCallsEach);
}

TEST(AuditTest, RemovingTheNewestEventsIsDetected) {
  TestServer server;
  auto stub = v1::AccessService::NewStub(server.channel());
  for (int i = 0; i < 3; ++i) {
    v1::ListStaffMembersResponse list;
    ASSERT_TRUE(
        stub->ListStaffMembers(Context(server.admin_token()).get(), {}, &list)
            .ok());
  }
  test::WaitForAuditRelay(server);
  store::Pool pool(server.database().config());
  ASSERT_TRUE(store::WithConnection(pool, absl::InfiniteFuture(),
                                    [](store::Connection& c) {
                                      c.Execute(
                                          "DELETE FROM access_audit_events "
                                          "ORDER BY seq DESC LIMIT 1");
                                      return absl::OkStatus();
                                    })
                  .ok());
  access::AuditRepository audit(&pool);
  auto reports = audit.VerifyAll(absl::Now() + absl::Seconds(30));
  ASSERT_TRUE(reports.ok());
  ASSERT_TRUE((*reports)[0].first_break.has_value());
  EXPECT_NE((*reports)[0].first_break->problem.find("removed"),
            std::string::npos);
}

}  // namespace
}  // namespace corebalance
