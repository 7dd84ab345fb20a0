#ifndef COREBALANCE_SERVICES_COMMON_PRINCIPAL_PROTO_H_
#define COREBALANCE_SERVICES_COMMON_PRINCIPAL_PROTO_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "corebalance/v1/access.pb.h"
#include "services/common/principal.h"

namespace corebalance {

Principal PrincipalFromIdentity(const v1::CallerIdentity& identity);
v1::CallerIdentity IdentityFromPrincipal(const Principal& principal);

// "clinics/{id}" <-> id. 0 when the name is malformed.
std::string ClinicName(int64_t clinic_id);
int64_t ClinicIdFromName(absl::string_view name);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_PRINCIPAL_PROTO_H_
