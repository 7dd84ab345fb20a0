#include "services/common/permissions.h"

#include <algorithm>

namespace corebalance {
namespace {

bool HasScope(const Principal& principal, absl::string_view scope) {
  return std::find(principal.scopes.begin(), principal.scopes.end(), scope) !=
         principal.scopes.end();
}

}  // namespace

bool IsAllowed(const Principal& principal, Permission permission) {
  switch (principal.role) {
    case v1::ROLE_ADMIN:
      return true;
    case v1::ROLE_PRACTITIONER:
      return permission != Permission::kAdministration &&
             permission != Permission::kCatalogueWrite;
    case v1::ROLE_FRONT_DESK:
      return permission == Permission::kAuthenticated ||
             permission == Permission::kCatalogueRead ||
             permission == Permission::kDemographicsRead ||
             permission == Permission::kDemographicsWrite;
    case v1::ROLE_INTEGRATION:
      switch (permission) {
        case Permission::kAuthenticated:
        case Permission::kCatalogueRead:
        case Permission::kDemographicsRead:
        case Permission::kClinicalRead:
          return true;
        case Permission::kSessionLog:
          return HasScope(principal, kScopeSessionsWrite);
        default:
          return false;
      }
    default:
      return false;
  }
}

absl::string_view PermissionName(Permission permission) {
  switch (permission) {
    case Permission::kAuthenticated:
      return "authenticated";
    case Permission::kCatalogueRead:
      return "catalogue.read";
    case Permission::kCatalogueWrite:
      return "catalogue.write";
    case Permission::kDemographicsRead:
      return "patients.read";
    case Permission::kDemographicsWrite:
      return "patients.write";
    case Permission::kClinicalRead:
      return "clinical.read";
    case Permission::kClinicalWrite:
      return "clinical.write";
    case Permission::kSessionLog:
      return "sessions.write";
    case Permission::kAdministration:
      return "administration";
  }
  return "unknown";
}

}  // namespace corebalance
