#ifndef COREBALANCE_SERVICES_PRESCRIPTION_STORE_SUPPORT_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_STORE_SUPPORT_H_

// SQL pieces the catalogue and plan stores share: dose columns and the
// AIP-155 request id table.

#include <cppconn/resultset.h>

#include <optional>
#include <string>

#include "services/prescription/rules/dose.h"
#include "services/store/connection.h"

namespace corebalance::prescription {

// The seven dose columns, in Dose's order, as every dose table names them.
inline constexpr char kDoseColumns[] =
    "sets, reps, hold_seconds, rest_seconds, duration_minutes, "
    "frequency_per_week, per_side";

Dose ReadDose(const sql::ResultSet& rs);

// The resource an earlier call of `method` with `request_id` created, if
// any (never for an empty request id).
std::optional<std::string> FindRequest(store::Connection& c, int64_t clinic_id,
                                       const char* method,
                                       const std::string& request_id);
// Remembers that `request_id` created `resource`; nothing for an empty id.
void RecordRequest(store::Connection& c, int64_t clinic_id, const char* method,
                   const std::string& request_id, const std::string& resource);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_STORE_SUPPORT_H_
