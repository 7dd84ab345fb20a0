// WatchAlerts under its limits: a stream whose token is revoked, or whose
// staff member is disabled, ends UNAUTHENTICATED within --auth-cache-ttl;
// streams past the per-clinic or per-process cap are RESOURCE_EXHAUSTED,
// and a closed stream gives its place back.

#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/integration/progress/alert_watcher.h"
#include "tests/support/test_server.h"

namespace corebalance::test {
namespace {

class WatchLimitsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestServer::Options options;
    options.configure = [](server::ServerConfig& c) {
      c.auth_cache_ttl = absl::Seconds(1);
      c.max_watches_per_clinic = 2;
      c.max_watches = 3;
      c.alert_scan_interval = absl::ZeroDuration();
    };
    server_ = new TestServer(options);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Who `token` acts as.
  static v1::CallerIdentity Identity(const std::string& token) {
    v1::CallerIdentity me;
    const grpc::Status s =
        v1::AccessService::NewStub(server_->channel())
            ->GetCallerIdentity(Context(token).get(), {}, &me);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return me;
  }

  static TestServer* server_;
};

TestServer* WatchLimitsTest::server_ = nullptr;

TEST_F(WatchLimitsTest, ARevokedTokenEndsItsStreamUnauthenticated) {
  const std::string token = server_->IntegrationToken();
  Watcher watcher(server_->channel(), token, "patients/-");
  ASSERT_TRUE(watcher.open());

  v1::RevokeApiTokenRequest revoke;
  revoke.set_name(Identity(token).api_token());
  v1::ApiToken revoked;
  const absl::Time at = absl::Now();
  ASSERT_TRUE(v1::AccessService::NewStub(server_->channel())
                  ->RevokeApiToken(Context(server_->admin_token()).get(),
                                   revoke, &revoked)
                  .ok());
  const std::optional<grpc::Status> ended = watcher.Ended();
  ASSERT_TRUE(ended.has_value()) << "still streaming 10 s after revocation";
  EXPECT_EQ(ended->error_code(), grpc::StatusCode::UNAUTHENTICATED)
      << ended->error_message();
  // Within the cache's ttl (1 s), the feed's poll (0.5 s) and slack.
  EXPECT_LT(absl::Now() - at, absl::Seconds(5));
}

TEST_F(WatchLimitsTest, ADisabledStaffMembersStreamEndsUnauthenticated) {
  const std::string token =
      server_->StaffToken(v1::ROLE_PRACTITIONER, "Dana Disabled");
  Watcher watcher(server_->channel(), token, "patients/-");
  ASSERT_TRUE(watcher.open());

  v1::DisableStaffMemberRequest disable;
  disable.set_name(Identity(token).principal());
  v1::StaffMember disabled;
  ASSERT_TRUE(v1::AccessService::NewStub(server_->channel())
                  ->DisableStaffMember(Context(server_->admin_token()).get(),
                                       disable, &disabled)
                  .ok());
  const std::optional<grpc::Status> ended = watcher.Ended();
  ASSERT_TRUE(ended.has_value()) << "still streaming 10 s after disabling";
  EXPECT_EQ(ended->error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(WatchLimitsTest, StreamsPastTheCapsAreRefusedAndClosedOnesMakeRoom) {
  const std::string token = server_->admin_token();
  auto first =
      std::make_unique<Watcher>(server_->channel(), token, "patients/-");
  Watcher second(server_->channel(), token, "patients/-");
  ASSERT_TRUE(first->open());
  ASSERT_TRUE(second.open());

  // The clinic's cap (2).
  Watcher third(server_->channel(), token, "patients/-");
  EXPECT_FALSE(third.open());
  const std::optional<grpc::Status> refused = third.Ended();
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << refused->error_message();

  // Another clinic still has room, up to the process's cap (3).
  const std::string other = server_->OtherClinicAdminToken("Laguna Beach");
  Watcher elsewhere(server_->channel(), other, "patients/-");
  EXPECT_TRUE(elsewhere.open());
  Watcher beyond(server_->channel(), other, "patients/-");
  EXPECT_FALSE(beyond.open());
  ASSERT_TRUE(beyond.Ended().has_value());

  // A stream that ends gives its place back.
  first.reset();
  bool reopened = false;
  for (absl::Time until = absl::Now() + absl::Seconds(10);
       !reopened && absl::Now() < until;) {
    Watcher again(server_->channel(), token, "patients/-");
    reopened = again.open();
    if (!reopened) absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_TRUE(reopened);
}

}  // namespace
}  // namespace corebalance::test
