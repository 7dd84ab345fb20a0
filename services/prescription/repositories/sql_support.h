#ifndef COREBALANCE_SERVICES_PRESCRIPTION_REPOSITORIES_SQL_SUPPORT_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_REPOSITORIES_SQL_SUPPORT_H_

// SQL pieces the catalogue and plan stores share: dose columns and the
// AIP-155 request id table.

#include <cppconn/resultset.h>

#include <optional>
#include <string>

#include "services/prescription/rules/dose.h"
#include "services/store/connection.h"
#include "services/store/request_ids.h"

namespace corebalance::prescription {

// The seven dose columns, in Dose's order, as every dose table names them.
inline constexpr char kDoseColumns[] =
    "sets, reps, hold_seconds, rest_seconds, duration_minutes, "
    "frequency_per_week, per_side";

Dose ReadDose(const sql::ResultSet& rs);

// prescription_request_ids (AIP-155), for outbox::CreateOnce.
const store::RequestIds& RequestIds();

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_REPOSITORIES_SQL_SUPPORT_H_
