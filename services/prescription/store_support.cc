#include "services/prescription/store_support.h"

#include "services/common/sql_time.h"
#include "services/store/bind.h"

namespace corebalance::prescription {

Dose ReadDose(const sql::ResultSet& rs) {
  Dose d;
  d.sets = rs.getInt("sets");
  d.reps = rs.getInt("reps");
  d.hold_seconds = rs.getInt("hold_seconds");
  d.rest_seconds = rs.getInt("rest_seconds");
  d.duration_minutes = rs.getInt("duration_minutes");
  d.frequency_per_week = rs.getInt("frequency_per_week");
  d.per_side = rs.getInt("per_side") != 0;
  return d;
}

std::optional<std::string> FindRequest(store::Connection& c, int64_t clinic_id,
                                       const char* method,
                                       const std::string& request_id) {
  if (request_id.empty()) return std::nullopt;
  auto rs =
      store::Query(c,
                   "SELECT resource_name FROM prescription_request_ids"
                   " WHERE clinic_id = ? AND method = ? AND request_id = ?",
                   clinic_id, method, request_id);
  if (!rs->next()) return std::nullopt;
  return store::GetString(*rs, "resource_name");
}

void RecordRequest(store::Connection& c, int64_t clinic_id, const char* method,
                   const std::string& request_id, const std::string& resource) {
  if (request_id.empty()) return;
  store::Update(
      c,
      "INSERT INTO prescription_request_ids (clinic_id, method,"
      " request_id, resource_name, create_time) VALUES (?, ?, ?, ?, ?)",
      clinic_id, method, request_id, resource, NowMicros());
}

}  // namespace corebalance::prescription
