#ifndef COREBALANCE_SERVICES_COMMON_PRINCIPAL_PROTO_H_
#define COREBALANCE_SERVICES_COMMON_PRINCIPAL_PROTO_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "corebalance/v1/access.pb.h"
#include "services/common/principal.h"
#include "services/common/resource_id.h"  // ClinicName, ClinicIdFromName

namespace corebalance {

Principal PrincipalFromIdentity(const v1::CallerIdentity& identity);
v1::CallerIdentity IdentityFromPrincipal(const Principal& principal);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_PRINCIPAL_PROTO_H_
