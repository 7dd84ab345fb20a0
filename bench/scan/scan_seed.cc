#include "bench/scan/scan_seed.h"

#include <google/protobuf/any.pb.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/seed/insert_sql.h"
#include "corebalance/v1/prescription.pb.h"
#include "services/common/sql_time.h"
#include "services/progress/repositories/copy_repository.h"
#include "services/store/run.h"

namespace corebalance::bench {
namespace {

constexpr int kPlansPerTransaction = 500;

v1::Plan ActivePlan(const std::string& patient_id, absl::Time since) {
  v1::Plan plan;
  plan.set_name(absl::StrCat("patients/", patient_id, "/plans/q", patient_id));
  plan.set_revision(1);
  plan.set_state(v1::Plan::STATE_ACTIVE);
  plan.set_plan_template("planTemplates/foundation");
  for (const char* slug : {"dead-bug", "bird-dog", "glute-bridge"}) {
    v1::PlanExercise* e = plan.add_exercises();
    e->set_exercise(absl::StrCat("exercises/", slug));
    e->mutable_dose()->set_sets(2);
    e->mutable_dose()->set_reps(10);
    e->mutable_dose()->set_frequency_per_week(3);
  }
  *plan.mutable_create_time() = ToProtoTime(since);
  *plan.mutable_update_time() = ToProtoTime(since);
  return plan;
}

// Patient i's sessions: the last one 0-3 days ago (5-8 days for one in
// ten), the others two to three days apart before it (about the plan's
// three a week).
std::vector<progress::StoredSession> SessionsOf(const ScanSeed& seed,
                                                const std::string& patient_id,
                                                int i) {
  std::vector<progress::StoredSession> out;
  absl::Time at =
      seed.now - absl::Hours(i % 10 == 0 ? 5 * 24 + i % 72 : i % 72 + 1);
  for (int k = 0; k < seed.sessions_per_plan; ++k) {
    progress::StoredSession s;
    s.id = absl::StrCat("s", patient_id, "x", k);
    s.clinic_id = seed.clinic_id;
    s.patient_id = patient_id;
    s.plan_id = absl::StrCat("q", patient_id);
    s.plan_revision = 1;
    s.performed_at = at;
    s.worst_pain_during = 3;
    s.pain_after = 2;
    s.traffic_light = 1;
    s.logged_by = "bench";
    s.create_time = s.update_time = at;
    out.push_back(std::move(s));
    at -= absl::Hours(48 + (i + k) % 24);
  }
  return out;
}

}  // namespace

absl::Status SeedScanClinic(store::Pool& pool, const ScanSeed& seed) {
  progress::AdherenceDueRepository due(&pool);
  progress::CopyRepository copy(&pool, &due);
  const absl::Time since = seed.now - absl::Hours(30 * 24);
  for (int first = 0; first < seed.plans; first += kPlansPerTransaction) {
    const int last = std::min(seed.plans, first + kPlansPerTransaction);
    std::vector<progress::StoredSession> sessions;
    absl::Status s = store::WithTransaction(
        pool, absl::Now() + absl::Seconds(60), [&](store::Connection& c) {
          for (int i = first; i < last; ++i) {
            const std::string patient_id =
                absl::StrCat("b", seed.clinic_id, "x", i);
            google::protobuf::Any event;
            event.PackFrom(ActivePlan(patient_id, since));
            copy.Apply(c, seed.clinic_id, event);
            for (auto& session : SessionsOf(seed, patient_id, i)) {
              sessions.push_back(std::move(session));
            }
          }
          std::vector<const progress::StoredSession*> rows;
          for (const auto& session : sessions) rows.push_back(&session);
          for (const std::string& sql : SessionInserts(rows, 1000)) {
            c.Execute(sql);
          }
          return absl::OkStatus();
        });
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace corebalance::bench
