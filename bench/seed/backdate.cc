#include "bench/seed/backdate.h"

#include "services/store/bind.h"

namespace corebalance::bench {

void BackdatePlan(store::Connection& c, int64_t clinic_id,
                  const std::string& patient_id, const std::string& plan_id,
                  absl::Time start) {
  c.Execute("START TRANSACTION");
  store::Update(c,
                "UPDATE prescription_plans SET create_time = ?,"
                " update_time = ?, adjust_time = ?"
                " WHERE clinic_id = ? AND id = ?",
                start, start, start, clinic_id, plan_id);
  store::Update(c,
                "UPDATE prescription_plan_revisions SET create_time = ?"
                " WHERE clinic_id = ? AND plan_id = ?",
                start, clinic_id, plan_id);
  store::Update(c,
                "UPDATE intake_patients SET create_time = ?, update_time = ?"
                " WHERE clinic_id = ? AND id = ?",
                start, start, clinic_id, patient_id);
  c.Execute("COMMIT");
}

}  // namespace corebalance::bench
