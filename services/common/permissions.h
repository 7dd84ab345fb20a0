#ifndef COREBALANCE_SERVICES_COMMON_PERMISSIONS_H_
#define COREBALANCE_SERVICES_COMMON_PERMISSIONS_H_

#include "absl/strings/string_view.h"
#include "services/common/principal.h"

namespace corebalance {

// What an RPC needs. Each method names exactly one.
enum class Permission {
  kAuthenticated,      // any valid token (e.g. GetCallerIdentity)
  kCatalogueRead,      // exercises and plan templates
  kCatalogueWrite,     // clinic-specific exercises and templates
  kDemographicsRead,   // patient records without clinical data
  kDemographicsWrite,  // create/update/archive patients
  kClinicalRead,       // assessments, plans, sessions, progress, alerts
  kClinicalWrite,      // submit assessments, assign/adjust plans, ack alerts
  kSessionLog,         // log/update sessions
  kAdministration,     // staff, tokens, audit log
};

// The token scope that lets an integration log sessions.
inline constexpr absl::string_view kScopeSessionsWrite = "sessions.write";

// The single role table of the product (minimum necessary):
// ADMIN everything; PRACTITIONER all clinical work; FRONT_DESK demographics
// only; INTEGRATION reads, and logs sessions with the sessions.write scope.
bool IsAllowed(const Principal& principal, Permission permission);

absl::string_view PermissionName(Permission permission);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_PERMISSIONS_H_
