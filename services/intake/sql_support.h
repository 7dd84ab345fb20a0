#ifndef COREBALANCE_SERVICES_INTAKE_SQL_SUPPORT_H_
#define COREBALANCE_SERVICES_INTAKE_SQL_SUPPORT_H_

// What the intake stores share: idempotency keys (AIP-155) and DATE columns.

#include <cstdint>
#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "services/store/connection.h"

namespace sql {
class ResultSet;
}  // namespace sql

namespace corebalance::intake {

// The resource id an earlier call of `method` with this request id created,
// if any (never for an empty request id).
std::optional<std::string> FindRequest(store::Connection& c, int64_t clinic_id,
                                       const char* method,
                                       const std::string& request_id);

// Records the request id; ALREADY_EXISTS (thrown as a duplicate key) when a
// concurrent call took it first. Does nothing for an empty request id.
void RecordRequest(store::Connection& c, int64_t clinic_id, const char* method,
                   const std::string& request_id, const std::string& id);

// "2026-03-01", the form a DATE column takes and gives.
std::string DateText(absl::CivilDay day);
std::optional<std::string> DateText(const std::optional<absl::CivilDay>& day);
std::optional<absl::CivilDay> GetOptionalDate(const sql::ResultSet& rs,
                                              const char* column);
absl::CivilDay GetDate(const sql::ResultSet& rs, const char* column);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_SQL_SUPPORT_H_
