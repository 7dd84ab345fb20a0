#include "services/common/permissions.h"

#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance {
namespace {

constexpr Permission kAllPermissions[] = {
    Permission::kAuthenticated,     Permission::kCatalogueRead,
    Permission::kCatalogueWrite,    Permission::kDemographicsRead,
    Permission::kDemographicsWrite, Permission::kClinicalRead,
    Permission::kClinicalWrite,     Permission::kSessionLog,
    Permission::kAdministration,
};

Principal WithRole(v1::Role role, std::vector<std::string> scopes = {}) {
  Principal principal;
  principal.clinic_id = 7;
  principal.name = "staffMembers/abc";
  principal.role = role;
  principal.scopes = std::move(scopes);
  return principal;
}

struct RoleCase {
  std::string label;
  Principal principal;
  std::set<Permission> allowed;
};

class RoleTable : public ::testing::TestWithParam<RoleCase> {};

// Every permission, allowed or not: the table is the product's whole access
// policy, so nothing outside it may slip through.
TEST_P(RoleTable, AllowsExactlyItsPermissions) {
  for (Permission permission : kAllPermissions) {
    EXPECT_EQ(IsAllowed(GetParam().principal, permission),
              GetParam().allowed.count(permission) == 1)
        << GetParam().label << " / " << PermissionName(permission);
  }
}

const std::set<Permission> kIntegrationReads = {
    Permission::kAuthenticated, Permission::kCatalogueRead,
    Permission::kDemographicsRead, Permission::kClinicalRead};

INSTANTIATE_TEST_SUITE_P(
    Roles, RoleTable,
    ::testing::Values(
        RoleCase{"admin", WithRole(v1::ROLE_ADMIN),
                 std::set<Permission>(std::begin(kAllPermissions),
                                      std::end(kAllPermissions))},
        RoleCase{"practitioner",
                 WithRole(v1::ROLE_PRACTITIONER),
                 {Permission::kAuthenticated, Permission::kCatalogueRead,
                  Permission::kDemographicsRead, Permission::kDemographicsWrite,
                  Permission::kClinicalRead, Permission::kClinicalWrite,
                  Permission::kSessionLog}},
        RoleCase{
            "front_desk",
            WithRole(v1::ROLE_FRONT_DESK),
            {Permission::kAuthenticated, Permission::kCatalogueRead,
             Permission::kDemographicsRead, Permission::kDemographicsWrite}},
        // Scopes only widen integrations: staff roles ignore them.
        RoleCase{
            "front_desk_with_scope",
            WithRole(v1::ROLE_FRONT_DESK, {"sessions.write"}),
            {Permission::kAuthenticated, Permission::kCatalogueRead,
             Permission::kDemographicsRead, Permission::kDemographicsWrite}},
        RoleCase{"integration", WithRole(v1::ROLE_INTEGRATION),
                 kIntegrationReads},
        RoleCase{"integration_other_scopes",
                 WithRole(v1::ROLE_INTEGRATION,
                          {"sessions.read", "sessions.write ", "SESSIONS.WRITE",
                           "clinical.write"}),
                 kIntegrationReads},
        RoleCase{"integration_sessions_write",
                 WithRole(v1::ROLE_INTEGRATION,
                          {"catalogue.read", "sessions.write"}),
                 {Permission::kAuthenticated, Permission::kCatalogueRead,
                  Permission::kDemographicsRead, Permission::kClinicalRead,
                  Permission::kSessionLog}},
        RoleCase{"unspecified", WithRole(v1::ROLE_UNSPECIFIED), {}},
        RoleCase{"unspecified_with_scope",
                 WithRole(v1::ROLE_UNSPECIFIED, {"sessions.write"}),
                 {}},
        RoleCase{
            "unknown_role_number", WithRole(static_cast<v1::Role>(99)), {}}),
    [](const ::testing::TestParamInfo<RoleCase>& info) {
      return info.param.label;
    });

TEST(PermissionName, IsDistinctAndNonEmptyForEveryPermission) {
  std::set<std::string> names;
  for (Permission permission : kAllPermissions) {
    const std::string name(PermissionName(permission));
    EXPECT_FALSE(name.empty());
    EXPECT_NE(name, "unknown");
    names.insert(name);
  }
  EXPECT_EQ(names.size(), std::size(kAllPermissions));
}

TEST(PermissionName, SessionLogIsTheScopeThatGrantsIt) {
  EXPECT_EQ(PermissionName(Permission::kSessionLog), kScopeSessionsWrite);
}

}  // namespace
}  // namespace corebalance
