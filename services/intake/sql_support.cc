#include "services/intake/sql_support.h"

#include "services/common/sql_time.h"
#include "services/store/bind.h"

namespace corebalance::intake {

std::optional<std::string> FindRequest(store::Connection& c, int64_t clinic_id,
                                       const char* method,
                                       const std::string& request_id) {
  if (request_id.empty()) return std::nullopt;
  auto rs =
      store::Query(c,
                   "SELECT resource_name FROM intake_request_ids"
                   " WHERE clinic_id = ? AND method = ? AND request_id = ?",
                   clinic_id, method, request_id);
  if (!rs->next()) return std::nullopt;
  return store::GetString(*rs, "resource_name");
}

void RecordRequest(store::Connection& c, int64_t clinic_id, const char* method,
                   const std::string& request_id, const std::string& id) {
  if (request_id.empty()) return;
  store::Update(c,
                "INSERT INTO intake_request_ids (clinic_id, method, request_id,"
                " resource_name, create_time) VALUES (?, ?, ?, ?, ?)",
                clinic_id, method, request_id, id, NowMicros());
}

std::string DateText(absl::CivilDay day) { return absl::FormatCivilTime(day); }

std::optional<std::string> DateText(const std::optional<absl::CivilDay>& day) {
  if (!day) return std::nullopt;
  return DateText(*day);
}

std::optional<absl::CivilDay> GetOptionalDate(const sql::ResultSet& rs,
                                              const char* column) {
  std::optional<std::string> text = store::GetOptionalString(rs, column);
  absl::CivilDay day;
  if (!text || !absl::ParseCivilTime(*text, &day)) return std::nullopt;
  return day;
}

absl::CivilDay GetDate(const sql::ResultSet& rs, const char* column) {
  return GetOptionalDate(rs, column).value_or(absl::CivilDay());
}

}  // namespace corebalance::intake
