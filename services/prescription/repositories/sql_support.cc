#include "services/prescription/repositories/sql_support.h"

#include "services/common/sql_time.h"
#include "services/store/bind.h"
#include "services/store/request_ids.h"

namespace corebalance::prescription {
const store::RequestIds& RequestIds() {
  static const store::RequestIds ids("prescription_request_ids");
  return ids;
}

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

}  // namespace corebalance::prescription
