// Who may call what: no token, a bad token, a revoked token, a disabled
// member, the wrong role, and another clinic's resources.

#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "corebalance/v1/access_internal.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "tests/support/error_details.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using test::Context;
using test::ReasonOf;
using test::TestServer;

class AuthTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestServer::Options options;
    options.configure = [](server::ServerConfig& c) {
      c.auth_cache_ttl = absl::Milliseconds(200);
    };
    server_ = new TestServer(options);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  std::unique_ptr<v1::AccessService::Stub> Stub() {
    return v1::AccessService::NewStub(server_->channel());
  }
  grpc::Status Whoami(const std::string& token, v1::CallerIdentity* out) {
    return Stub()->GetCallerIdentity(Context(token).get(), {}, out);
  }
  static TestServer* server_;
};
TestServer* AuthTest::server_ = nullptr;

TEST_F(AuthTest, AdminTokenIdentifiesTheBootstrappedAdmin) {
  v1::CallerIdentity me;
  ASSERT_TRUE(Whoami(server_->admin_token(), &me).ok());
  EXPECT_EQ(me.role(), v1::ROLE_ADMIN);
  EXPECT_EQ(me.display_name(), "Clinic Admin");
  EXPECT_EQ(me.clinic_display_name(), "San Clemente");
  EXPECT_EQ(me.principal().rfind("staffMembers/", 0), 0u);
}

TEST_F(AuthTest, MissingTokenIsUnauthenticated) {
  v1::CallerIdentity me;
  grpc::Status s = Whoami("", &me);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ReasonOf(s), "UNAUTHENTICATED");
  EXPECT_TRUE(me.principal().empty());
}

TEST_F(AuthTest, UnknownTokenIsUnauthenticated) {
  v1::CallerIdentity me;
  EXPECT_EQ(Whoami("cbt_not-a-real-token", &me).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  // Also for a method that would return data.
  v1::ListStaffMembersResponse staff;
  grpc::Status s =
      Stub()->ListStaffMembers(Context("cbt_nope").get(), {}, &staff);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(staff.staff_members_size(), 0);
}

TEST_F(AuthTest, RevokedTokenStopsWorkingWithinTheCacheTtl) {
  auto stub = Stub();
  v1::IssueApiTokenRequest issue;
  issue.mutable_api_token()->set_display_name("Front desk kiosk");
  v1::IssueApiTokenResponse issued;
  ASSERT_TRUE(
      stub->IssueApiToken(Context(server_->admin_token()).get(), issue, &issued)
          .ok());
  v1::CallerIdentity me;
  ASSERT_TRUE(Whoami(issued.secret(), &me).ok());

  v1::RevokeApiTokenRequest revoke;
  revoke.set_name(issued.api_token().name());
  v1::ApiToken revoked;
  ASSERT_TRUE(stub->RevokeApiToken(Context(server_->admin_token()).get(),
                                   revoke, &revoked)
                  .ok());
  EXPECT_EQ(revoked.state(), v1::ApiToken::STATE_REVOKED);
  absl::SleepFor(absl::Milliseconds(300));  // past the 200 ms cache TTL
  EXPECT_EQ(Whoami(issued.secret(), &me).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AuthTest, DisablingStaffRevokesTheirTokens) {
  const std::string token =
      server_->StaffToken(v1::ROLE_PRACTITIONER, "Leaving Practitioner");
  v1::CallerIdentity me;
  ASSERT_TRUE(Whoami(token, &me).ok());
  v1::DisableStaffMemberRequest disable;
  disable.set_name(me.principal());
  v1::StaffMember disabled;
  ASSERT_TRUE(Stub()
                  ->DisableStaffMember(Context(server_->admin_token()).get(),
                                       disable, &disabled)
                  .ok());
  EXPECT_EQ(disabled.state(), v1::StaffMember::STATE_DISABLED);
  absl::SleepFor(absl::Milliseconds(300));
  EXPECT_EQ(Whoami(token, &me).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AuthTest, WrongRoleIsPermissionDenied) {
  for (v1::Role role : {v1::ROLE_PRACTITIONER, v1::ROLE_FRONT_DESK}) {
    const std::string token = server_->StaffToken(role, "Not an admin");
    v1::ListStaffMembersResponse staff;
    grpc::Status s = Stub()->ListStaffMembers(Context(token).get(), {}, &staff);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED)
        << v1::Role_Name(role);
    EXPECT_EQ(staff.staff_members_size(), 0);
    // Knowing who you are is fine for everyone.
    v1::CallerIdentity me;
    EXPECT_TRUE(Whoami(token, &me).ok());
    EXPECT_EQ(me.role(), role);
  }
  const std::string integration = server_->IntegrationToken();
  v1::IssueApiTokenRequest issue;
  issue.mutable_api_token()->set_display_name("escalation attempt");
  v1::IssueApiTokenResponse issued;
  EXPECT_EQ(Stub()
                ->IssueApiToken(Context(integration).get(), issue, &issued)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(issued.secret().empty());
}

TEST_F(AuthTest, AnotherClinicsResourcesAreNotFound) {
  const std::string other_admin = server_->OtherClinicAdminToken();
  ASSERT_FALSE(other_admin.empty());
  v1::CallerIdentity mine;
  ASSERT_TRUE(Whoami(server_->admin_token(), &mine).ok());

  // The other clinic's admin cannot see San Clemente's admin...
  v1::GetStaffMemberRequest get;
  get.set_name(mine.principal());
  v1::StaffMember staff;
  grpc::Status s =
      Stub()->GetStaffMember(Context(other_admin).get(), get, &staff);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(staff.display_name().empty());
  // ...exactly as if it did not exist at all.
  get.set_name("staffMembers/doesnotexist0000");
  grpc::Status missing =
      Stub()->GetStaffMember(Context(other_admin).get(), get, &staff);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);

  // And its staff list holds only its own admin.
  v1::ListStaffMembersResponse list;
  ASSERT_TRUE(
      Stub()->ListStaffMembers(Context(other_admin).get(), {}, &list).ok());
  ASSERT_EQ(list.staff_members_size(), 1);
  EXPECT_EQ(list.staff_members(0).display_name(), "Other Admin");
}

TEST_F(AuthTest, InternalServiceRefusesCallsWithoutTheInternalKey) {
  auto stub = v1::AccessInternalService::NewStub(server_->channel());
  v1::IntrospectTokenRequest request;
  request.set_token(server_->admin_token());
  v1::IntrospectTokenResponse response;
  // Even an admin's bearer token is not the internal key.
  grpc::Status s = stub->IntrospectToken(Context(server_->admin_token()).get(),
                                         request, &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_FALSE(response.active());
}

}  // namespace
}  // namespace corebalance
