#ifndef COREBALANCE_SERVICES_ACCESS_CONVERT_H_
#define COREBALANCE_SERVICES_ACCESS_CONVERT_H_

#include "absl/time/time.h"
#include "corebalance/v1/access.pb.h"
#include "services/access/records.h"
#include "services/access/rules/audit_chain.h"

namespace corebalance::access {

v1::StaffMember ToProto(const StaffRecord& staff);
// State is derived at `now`: a token past its expire time is EXPIRED.
v1::ApiToken ToProto(const TokenRecord& token, absl::Time now);
v1::AuditEvent ToProto(const AuditRow& row);

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_CONVERT_H_
