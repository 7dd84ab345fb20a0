// Staff accounts and API tokens through the real API.

#include <gtest/gtest.h>

#include <set>

#include "corebalance/v1/access.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "tests/support/error_details.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using test::Context;
using test::Violations;
using test::TestServer;

class StaffTokensTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  std::unique_ptr<v1::AccessService::Stub> Stub() {
    return v1::AccessService::NewStub(server_->channel());
  }
  const std::string& Admin() { return server_->admin_token(); }
  static TestServer* server_;
};
TestServer* StaffTokensTest::server_ = nullptr;

TEST_F(StaffTokensTest, CreateStaffReportsEveryInvalidField) {
  v1::CreateStaffMemberRequest request;
  request.mutable_staff_member()->set_display_name("   ");
  request.mutable_staff_member()->set_email("not-an-email");
  v1::StaffMember staff;
  grpc::Status s =
      Stub()->CreateStaffMember(Context(Admin()).get(), request, &staff);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto violations = Violations(s);
  EXPECT_EQ(violations.count("staff_member.display_name"), 1u);
  EXPECT_EQ(violations.count("staff_member.email"), 1u);
  EXPECT_EQ(violations.count("staff_member.role"), 1u);
  EXPECT_TRUE(staff.name().empty());
}

TEST_F(StaffTokensTest, NamesAreStoredVerbatim) {
  v1::CreateStaffMemberRequest request;
  const std::string name = "Zoë O'Brien-Ñúñez \"Robert'); DROP TABLE x;--";
  request.mutable_staff_member()->set_display_name(name);
  request.mutable_staff_member()->set_role(v1::ROLE_PRACTITIONER);
  v1::StaffMember created;
  ASSERT_TRUE(Stub()
                  ->CreateStaffMember(Context(Admin()).get(), request, &created)
                  .ok());
  v1::GetStaffMemberRequest get;
  get.set_name(created.name());
  v1::StaffMember read;
  ASSERT_TRUE(Stub()->GetStaffMember(Context(Admin()).get(), get, &read).ok());
  EXPECT_EQ(read.display_name(), name);
}

TEST_F(StaffTokensTest, RetriedCreateWithSameRequestIdCreatesOnce) {
  v1::CreateStaffMemberRequest request;
  request.mutable_staff_member()->set_display_name("Retry Robin");
  request.mutable_staff_member()->set_role(v1::ROLE_FRONT_DESK);
  request.set_request_id("6f1c1d5e-retry-robin");
  v1::StaffMember first, second;
  ASSERT_TRUE(
      Stub()->CreateStaffMember(Context(Admin()).get(), request, &first).ok());
  ASSERT_TRUE(
      Stub()->CreateStaffMember(Context(Admin()).get(), request, &second).ok());
  EXPECT_EQ(first.name(), second.name());

  v1::ListStaffMembersRequest list;
  list.set_page_size(1000);
  v1::ListStaffMembersResponse all;
  ASSERT_TRUE(
      Stub()->ListStaffMembers(Context(Admin()).get(), list, &all).ok());
  int robins = 0;
  for (const auto& s : all.staff_members())
    robins += s.display_name() == "Retry Robin";
  EXPECT_EQ(robins, 1);
}

TEST_F(StaffTokensTest, DuplicateEmailIsRefused) {
  v1::CreateStaffMemberRequest request;
  request.mutable_staff_member()->set_display_name("Ana");
  request.mutable_staff_member()->set_email("ana@corebalance.example");
  request.mutable_staff_member()->set_role(v1::ROLE_PRACTITIONER);
  v1::StaffMember staff;
  ASSERT_TRUE(
      Stub()->CreateStaffMember(Context(Admin()).get(), request, &staff).ok());
  request.mutable_staff_member()->set_display_name("Another Ana");
  grpc::Status s =
      Stub()->CreateStaffMember(Context(Admin()).get(), request, &staff);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("staff_member.email"), 1u);
}

TEST_F(StaffTokensTest, PagingReturnsEveryMemberExactlyOnce) {
  std::set<std::string> created;
  for (int i = 0; i < 7; ++i) {
    v1::CreateStaffMemberRequest request;
    request.mutable_staff_member()->set_display_name("Pager " +
                                                     std::to_string(i));
    request.mutable_staff_member()->set_role(v1::ROLE_PRACTITIONER);
    v1::StaffMember staff;
    ASSERT_TRUE(Stub()
                    ->CreateStaffMember(Context(Admin()).get(), request, &staff)
                    .ok());
    created.insert(staff.name());
  }
  std::multiset<std::string> seen;
  v1::ListStaffMembersRequest request;
  request.set_page_size(3);
  int pages = 0;
  do {
    v1::ListStaffMembersResponse page;
    ASSERT_TRUE(
        Stub()->ListStaffMembers(Context(Admin()).get(), request, &page).ok());
    EXPECT_LE(page.staff_members_size(), 3);
    for (const auto& s : page.staff_members()) seen.insert(s.name());
    request.set_page_token(page.next_page_token());
    ++pages;
  } while (!request.page_token().empty() && pages < 100);
  for (const auto& name : created) EXPECT_EQ(seen.count(name), 1u) << name;
  for (const auto& name : seen) EXPECT_EQ(seen.count(name), 1u) << name;
}

TEST_F(StaffTokensTest, PageTokenFromOtherFiltersIsRejected) {
  server_->StaffToken(v1::ROLE_FRONT_DESK, "Second member");
  v1::ListStaffMembersRequest request;
  request.set_page_size(1);
  v1::ListStaffMembersResponse page;
  ASSERT_TRUE(
      Stub()->ListStaffMembers(Context(Admin()).get(), request, &page).ok());
  ASSERT_FALSE(page.next_page_token().empty());
  request.set_page_token(page.next_page_token());
  request.set_show_disabled(true);
  grpc::Status s =
      Stub()->ListStaffMembers(Context(Admin()).get(), request, &page);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("page_token"), 1u);
}

TEST_F(StaffTokensTest, TokenSecretIsShownOnceAndNeverListed) {
  v1::IssueApiTokenRequest issue;
  issue.mutable_api_token()->set_display_name("Patient app");
  issue.mutable_api_token()->add_scopes("sessions.write");
  issue.set_request_id("issue-patient-app-1");
  v1::IssueApiTokenResponse first;
  ASSERT_TRUE(
      Stub()->IssueApiToken(Context(Admin()).get(), issue, &first).ok());
  EXPECT_EQ(first.secret().rfind("cbt_", 0), 0u);
  EXPECT_GE(first.secret().size(), 4u + 43u);  // 32 random bytes
  EXPECT_EQ(first.api_token().role(), v1::ROLE_INTEGRATION);
  EXPECT_EQ(first.secret().substr(0, 12), first.api_token().secret_prefix());

  // A retry returns the same token but not its secret again.
  v1::IssueApiTokenResponse retry;
  ASSERT_TRUE(
      Stub()->IssueApiToken(Context(Admin()).get(), issue, &retry).ok());
  EXPECT_EQ(retry.api_token().name(), first.api_token().name());
  EXPECT_TRUE(retry.secret().empty());

  v1::ListApiTokensResponse list;
  ASSERT_TRUE(Stub()->ListApiTokens(Context(Admin()).get(), {}, &list).ok());
  bool found = false;
  for (const auto& t : list.api_tokens()) {
    EXPECT_EQ(t.DebugString().find(first.secret()), std::string::npos);
    found = found || t.name() == first.api_token().name();
  }
  EXPECT_TRUE(found);
}

TEST_F(StaffTokensTest, TokenRequestsAreValidated) {
  v1::IssueApiTokenRequest issue;
  issue.mutable_api_token()->add_scopes("patients.delete");
  issue.mutable_api_token()->set_role(v1::ROLE_ADMIN);
  issue.mutable_api_token()->mutable_expire_time()->set_seconds(1000);
  v1::IssueApiTokenResponse issued;
  grpc::Status s =
      Stub()->IssueApiToken(Context(Admin()).get(), issue, &issued);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto v = Violations(s);
  EXPECT_EQ(v.count("api_token.display_name"), 1u);
  EXPECT_EQ(v.count("api_token.scopes[0]"), 1u);
  EXPECT_EQ(v.count("api_token.role"), 1u);
  EXPECT_EQ(v.count("api_token.expire_time"), 1u);
  EXPECT_TRUE(issued.secret().empty());
}

TEST_F(StaffTokensTest, ExpiredTokenDoesNotAuthenticate) {
  v1::IssueApiTokenRequest issue;
  issue.mutable_api_token()->set_display_name("Short-lived");
  auto* expire = issue.mutable_api_token()->mutable_expire_time();
  // Whole seconds, at least a second ahead: still in the future when the
  // server checks it (a second ahead of a truncated now could already be
  // past, which the server rightly refuses).
  const absl::Time expires =
      absl::FromUnixSeconds(absl::ToUnixSeconds(absl::Now()) + 2);
  expire->set_seconds(absl::ToUnixSeconds(expires));
  v1::IssueApiTokenResponse issued;
  ASSERT_TRUE(
      Stub()->IssueApiToken(Context(Admin()).get(), issue, &issued).ok());
  while (absl::Now() <= expires) absl::SleepFor(absl::Milliseconds(20));
  v1::CallerIdentity me;
  // The server caches negative answers only briefly and positive ones are not
  // yet cached for this token: it must be refused now.
  EXPECT_EQ(Stub()
                ->GetCallerIdentity(Context(issued.secret()).get(), {}, &me)
                .error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

}  // namespace
}  // namespace corebalance
