// grpc.health.v1 follows the database: NOT_SERVING while it is down, SERVING
// again when it is back, with no server restart; "liveness" stays SERVING.

#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "tests/support/private_mariadb.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;
using test::Context;

HealthCheckResponse::ServingStatus Check(test::TestServer& server,
                                         const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(server.channel());
  HealthCheckRequest request;
  request.set_service(service);
  HealthCheckResponse response;
  grpc::Status s =
      stub->Check(Context("", absl::Seconds(2)).get(), request, &response);
  return s.ok() ? response.status() : HealthCheckResponse::UNKNOWN;
}

// Polls until `service` reports `want` or 10 s pass.
bool Becomes(test::TestServer& server, const std::string& service,
             HealthCheckResponse::ServingStatus want) {
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  while (absl::Now() < give_up) {
    if (Check(server, service) == want) return true;
    absl::SleepFor(absl::Milliseconds(50));
  }
  return false;
}

TEST(HealthTest, FollowsTheDatabaseDownAndBackWithoutRestart) {
  test::PrivateMariaDb db;
  {
    const absl::Status started = db.Start();
    ASSERT_TRUE(started.ok()) << started;
  }
  test::TestServer::Options options;
  options.database_server = db.config();
  test::TestServer server(options);
  EXPECT_TRUE(Becomes(server, "", HealthCheckResponse::SERVING));
  EXPECT_EQ(Check(server, "corebalance.v1.AccessService"),
            HealthCheckResponse::SERVING);

  ASSERT_TRUE(db.Stop().ok());
  EXPECT_TRUE(Becomes(server, "", HealthCheckResponse::NOT_SERVING));
  EXPECT_EQ(Check(server, "corebalance.v1.AccessService"),
            HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(Check(server, "liveness"), HealthCheckResponse::SERVING);

  {
    const absl::Status started = db.Start();
    ASSERT_TRUE(started.ok()) << started;
  }
  EXPECT_TRUE(Becomes(server, "", HealthCheckResponse::SERVING));
  // The pool reconnected by itself: calls that read the database (and write
  // the audit log) work again.
  v1::ListStaffMembersResponse staff;
  auto stub = v1::AccessService::NewStub(server.channel());
  grpc::Status s =
      stub->ListStaffMembers(Context(server.admin_token()).get(), {}, &staff);
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(staff.staff_members_size(), 1);
}

TEST(HealthTest, GoesNotServingOnShutdown) {
  test::TestServer server;
  ASSERT_TRUE(Becomes(server, "", HealthCheckResponse::SERVING));
  auto channel = server.channel();
  server.runtime().Shutdown();
  auto stub = grpc::health::v1::Health::NewStub(channel);
  HealthCheckRequest request;
  HealthCheckResponse response;
  grpc::Status s =
      stub->Check(Context("", absl::Seconds(2)).get(), request, &response);
  // Either the server answers NOT_SERVING or it is gone: never SERVING.
  EXPECT_TRUE(!s.ok() || response.status() == HealthCheckResponse::NOT_SERVING);
}

}  // namespace
}  // namespace corebalance
