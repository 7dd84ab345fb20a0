// The token cache under a spray of made-up tokens, against the real
// AccessService: valid callers keep their cached tokens, one uncached token
// is introspected once however many calls bring it, and one address gets
// only so many introspections of uncached tokens.

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/barrier.h"
#include "absl/time/clock.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "services/common/authenticator.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using test::TestServer;

class TokenCacheTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestServer::Options options;
    // Known to the test, so its Authenticator may introspect as the
    // server's own services do.
    options.configure = [](server::ServerConfig& c) {
      c.internal_key = "token-cache-test-internal-key-0123456789";
    };
    server_ = new TestServer(options);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::unique_ptr<Authenticator> MakeAuthenticator(
      Authenticator::Options options) {
    return std::make_unique<Authenticator>(
        server_->channel(), server_->config().internal_key, options);
  }
  static absl::Time Deadline() { return absl::Now() + absl::Seconds(10); }
  static TestServer* server_;
};
TestServer* TokenCacheTest::server_ = nullptr;

TEST_F(TokenCacheTest, ASprayOfUnknownTokensLeavesValidTokensCached) {
  Authenticator::Options options;
  options.max_entries = 10;
  options.max_negative_entries = 10;
  options.ttl = absl::Minutes(5);
  auto auth = MakeAuthenticator(options);
  ASSERT_TRUE(auth->Authenticate(server_->admin_token(), Deadline()).ok());
  const int64_t before = auth->introspections();

  // Many more unknown tokens than either cache holds; our own services'
  // calls (no client address) are not rate-limited.
  for (int i = 0; i < 300; ++i) {
    auto refused =
        auth->Authenticate(absl::StrCat("cbt_made-up-", i), Deadline());
    ASSERT_EQ(refused.status().code(), absl::StatusCode::kUnauthenticated);
  }
  EXPECT_EQ(auth->introspections(), before + 300);

  for (int i = 0; i < 20; ++i) {
    auto again = auth->Authenticate(server_->admin_token(), Deadline());
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_FALSE(again->name.empty());
  }
  // Still cached: the spray evicted only other unknown tokens.
  EXPECT_EQ(auth->introspections(), before + 300);
}

TEST_F(TokenCacheTest, ConcurrentCallsWithOneNewTokenIntrospectItOnce) {
  auto auth = MakeAuthenticator({});
  const std::string token = server_->StaffToken(v1::ROLE_PRACTITIONER);
  constexpr int kCallers = 32;
  absl::Barrier* start = new absl::Barrier(kCallers);
  std::vector<std::thread> callers;
  std::atomic<int> ok{0};
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back([&] {
      if (start->Block()) delete start;
      if (auth->Authenticate(token, Deadline()).ok()) ++ok;
    });
  }
  for (auto& t : callers) t.join();
  EXPECT_EQ(ok.load(), kCallers);
  EXPECT_EQ(auth->introspections(), 1);
}

TEST_F(TokenCacheTest, OneAddressGetsOnlySoManyIntrospectionsOfUnknownTokens) {
  Authenticator::Options options;
  options.unknown_per_second = 0.01;  // no refill during the test
  options.unknown_burst = 5;
  auto auth = MakeAuthenticator(options);
  const std::string attacker = "ipv4:203.0.113.9";
  ASSERT_TRUE(
      auth->Authenticate(server_->admin_token(), Deadline(), attacker).ok());

  int unauthenticated = 0;
  int exhausted = 0;
  for (int i = 0; i < 50; ++i) {
    auto refused =
        auth->Authenticate(absl::StrCat("cbt_spray-", i), Deadline(), attacker);
    if (refused.status().code() == absl::StatusCode::kUnauthenticated) {
      ++unauthenticated;
    } else if (refused.status().code() ==
               absl::StatusCode::kResourceExhausted) {
      ++exhausted;
      EXPECT_NE(refused.status().message().find("try again"),
                std::string::npos);
    }
  }
  // The admin's own introspection took one of the five.
  EXPECT_EQ(unauthenticated, 4);
  EXPECT_EQ(exhausted, 46);
  EXPECT_EQ(auth->introspections(), 5);

  // A cached token from that address still works, and another address is
  // not held back by it.
  EXPECT_TRUE(
      auth->Authenticate(server_->admin_token(), Deadline(), attacker).ok());
  EXPECT_EQ(
      auth->Authenticate("cbt_someone-else", Deadline(), "ipv4:198.51.100.4")
          .status()
          .code(),
      absl::StatusCode::kUnauthenticated);
}

TEST_F(TokenCacheTest, ATokenVerifiedBeforeIsVerifiedAgainDespiteASpray) {
  Authenticator::Options options;
  options.ttl = absl::Milliseconds(200);
  options.unknown_per_second = 0.01;  // no refill during the test
  options.unknown_burst = 5;
  auto auth = MakeAuthenticator(options);
  const std::string shared = "ipv4:203.0.113.10";  // one NAT for both
  const std::string token = server_->StaffToken(v1::ROLE_PRACTITIONER);
  ASSERT_TRUE(auth->Authenticate(token, Deadline(), shared).ok());
  // The spray takes the address's budget for unknown tokens...
  for (int i = 0; i < 20; ++i) {
    (void)auth->Authenticate(absl::StrCat("cbt_nat-", i), Deadline(), shared);
  }
  ASSERT_EQ(
      auth->Authenticate("cbt_one-more", Deadline(), shared).status().code(),
      absl::StatusCode::kResourceExhausted);
  // ...but the valid token, past its ttl, is asked about again, not refused.
  absl::SleepFor(absl::Milliseconds(300));
  const int64_t before = auth->introspections();
  auto again = auth->Authenticate(token, Deadline(), shared);
  EXPECT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(auth->introspections(), before + 1);
}

TEST_F(TokenCacheTest, ARevokedTokenIsNoLongerTreatedAsKnown) {
  Authenticator::Options options;
  options.ttl = absl::Milliseconds(100);
  options.negative_ttl = absl::Milliseconds(100);
  options.unknown_per_second = 0.01;
  options.unknown_burst = 2;
  auto auth = MakeAuthenticator(options);
  const std::string shared = "ipv4:203.0.113.11";
  const std::string token = server_->IntegrationToken();
  ASSERT_TRUE(auth->Authenticate(token, Deadline(), shared).ok());
  v1::CallerIdentity me;
  ASSERT_TRUE(v1::AccessService::NewStub(server_->channel())
                  ->GetCallerIdentity(test::Context(token).get(), {}, &me)
                  .ok());
  v1::RevokeApiTokenRequest revoke;
  revoke.set_name(me.api_token());
  v1::ApiToken revoked;
  ASSERT_TRUE(v1::AccessService::NewStub(server_->channel())
                  ->RevokeApiToken(test::Context(server_->admin_token()).get(),
                                   revoke, &revoked)
                  .ok());
  absl::SleepFor(absl::Milliseconds(150));
  EXPECT_EQ(auth->Authenticate(token, Deadline(), shared).status().code(),
            absl::StatusCode::kUnauthenticated);
  // Once its refusal expires it is an unknown token like any other: it
  // takes from the address's budget (2), and then is refused for it.
  absl::SleepFor(absl::Milliseconds(150));
  EXPECT_EQ(auth->Authenticate(token, Deadline(), shared).status().code(),
            absl::StatusCode::kUnauthenticated);
  absl::SleepFor(absl::Milliseconds(150));
  EXPECT_EQ(auth->Authenticate(token, Deadline(), shared).status().code(),
            absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace corebalance
