#include "services/prescription/store_support.h"

#include "services/common/sql_time.h"
#include "services/store/bind.h"
#include "services/store/request_ids.h"

namespace corebalance::prescription {
namespace {
const store::RequestIds kRequestIds("prescription_request_ids");
}  // namespace

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
  return kRequestIds.Find(c, clinic_id, method, request_id);
}

void RecordRequest(store::Connection& c, int64_t clinic_id, const char* method,
                   const std::string& request_id, const std::string& resource) {
  kRequestIds.Record(c, clinic_id, method, request_id, resource);
}

}  // namespace corebalance::prescription
