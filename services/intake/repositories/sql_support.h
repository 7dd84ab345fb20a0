#ifndef COREBALANCE_SERVICES_INTAKE_REPOSITORIES_SQL_SUPPORT_H_
#define COREBALANCE_SERVICES_INTAKE_REPOSITORIES_SQL_SUPPORT_H_

// What the intake stores share: idempotency keys (AIP-155) and DATE columns.

#include <cstdint>
#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "services/store/connection.h"
#include "services/store/request_ids.h"

namespace sql {
class ResultSet;
}  // namespace sql

namespace corebalance::intake {

// intake_request_ids (AIP-155), for outbox::CreateOnce.
const store::RequestIds& RequestIds();

// "2026-03-01", the form a DATE column takes and gives.
std::string DateText(absl::CivilDay day);
std::optional<std::string> DateText(const std::optional<absl::CivilDay>& day);
std::optional<absl::CivilDay> GetOptionalDate(const sql::ResultSet& rs,
                                              const char* column);
absl::CivilDay GetDate(const sql::ResultSet& rs, const char* column);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_REPOSITORIES_SQL_SUPPORT_H_
