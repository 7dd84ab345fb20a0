#include "bench/seed/backdate.h"

#include "absl/time/clock.h"
#include "services/store/bind.h"
#include "services/store/run.h"

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

namespace {

// Every clinic of both sources has a cursor at its head.
absl::StatusOr<bool> CopyCaughtUp(store::Pool& pool, absl::Time deadline) {
  return store::WithConnection(
      pool, deadline, [](store::Connection& c) -> absl::StatusOr<bool> {
        auto rs = c.Query(
            "SELECT COUNT(*) AS behind FROM ("
            " SELECT 'intake' AS source, clinic_id, last_seq"
            " FROM intake_outbox_heads WHERE stream = 2"
            " UNION ALL SELECT 'prescription', clinic_id, last_seq"
            " FROM prescription_outbox_heads WHERE stream = 2) h"
            " LEFT JOIN progress_copy_cursors k ON k.source = h.source"
            " AND k.clinic_id = h.clinic_id"
            " WHERE k.last_seq IS NULL OR k.last_seq < h.last_seq");
        return rs->next() && rs->getInt64("behind") == 0;
      });
}

absl::Status AwaitCaughtUp(store::Pool& pool, absl::Time until) {
  for (;;) {
    auto caught_up = CopyCaughtUp(pool, until);
    if (!caught_up.ok()) return caught_up.status();
    if (*caught_up) return absl::OkStatus();
    if (absl::Now() > until) {
      return absl::DeadlineExceededError(
          "progress's copy of intake and prescription did not catch up");
    }
    absl::SleepFor(absl::Milliseconds(100));
  }
}

}  // namespace

absl::Status RecopySources(store::Pool& pool, absl::Duration timeout) {
  const absl::Time until = absl::Now() + timeout;
  // Caught up first: no round is left with events that would put old rows
  // back after the drop.
  if (absl::Status s = AwaitCaughtUp(pool, until); !s.ok()) return s;
  absl::Status dropped = store::WithTransaction(
      pool, until, [](store::Connection& c) -> absl::Status {
        for (const char* table :
             {"progress_copy_cursors", "progress_copy_patients",
              "progress_copy_assessments", "progress_copy_plans",
              "progress_copy_plan_revisions", "progress_copy_catalogue"}) {
          c.Execute(std::string("DELETE FROM ") + table);
        }
        return absl::OkStatus();
      });
  if (!dropped.ok()) return dropped;
  return AwaitCaughtUp(pool, until);
}

}  // namespace corebalance::bench
