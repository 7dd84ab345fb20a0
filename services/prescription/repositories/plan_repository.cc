#include "services/prescription/repositories/plan_repository.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/prescription/convert.h"
#include "services/prescription/names.h"
#include "services/prescription/repositories/sql_support.h"
#include "services/store/bind.h"
#include "services/store/run.h"

namespace corebalance::prescription {
namespace {

using store::Connection;
using store::GetOptionalString;
using store::GetOptionalTime;
using store::GetString;
using store::GetTime;
using store::Query;
using store::Update;

constexpr char kPlanColumns[] =
    "id, clinic_id, patient_id, state, template_slug, dose_level, assessment,"
    " override_reason, assigned_by, revision, state_reason, superseded_by,"
    " create_time, update_time, adjust_time, end_time";

constexpr char kRevisionColumns[] =
    "plan_id, revision, action, actor, reason, changes, state, template_slug,"
    " dose_level, create_time";

PlanRecord ReadPlan(const sql::ResultSet& rs) {
  PlanRecord p;
  p.id = GetString(rs, "id");
  p.clinic_id = rs.getInt64("clinic_id");
  p.patient_id = GetString(rs, "patient_id");
  p.state = static_cast<v1::Plan::State>(rs.getInt("state"));
  p.content.template_slug = GetString(rs, "template_slug");
  p.content.dose_level = static_cast<v1::DoseLevel>(rs.getInt("dose_level"));
  p.assessment = GetString(rs, "assessment");
  p.override_reason = GetOptionalString(rs, "override_reason").value_or("");
  p.assigned_by = GetString(rs, "assigned_by");
  p.revision = rs.getInt("revision");
  p.state_reason = GetString(rs, "state_reason");
  p.superseded_by = GetOptionalString(rs, "superseded_by").value_or("");
  p.create_time = GetTime(rs, "create_time");
  p.update_time = GetTime(rs, "update_time");
  p.adjust_time = GetTime(rs, "adjust_time");
  p.end_time = GetOptionalTime(rs, "end_time");
  return p;
}

std::vector<PlanExerciseRecord> SelectExercises(Connection& c,
                                                const std::string& plan_id,
                                                int revision) {
  auto rs = Query(c,
                  absl::StrCat("SELECT exercise_slug, ", kDoseColumns,
                               " FROM prescription_plan_exercises"
                               " WHERE plan_id = ? AND revision = ?"
                               " ORDER BY position"),
                  plan_id, revision);
  std::vector<PlanExerciseRecord> out;
  while (rs->next()) {
    out.push_back({GetString(*rs, "exercise_slug"), ReadDose(*rs)});
  }
  return out;
}

// Plans matching `where` (which starts with the clinic filter), each with
// the exercises of its latest revision.
template <typename... Args>
std::vector<PlanRecord> SelectPlans(Connection& c, const std::string& where,
                                    const Args&... args) {
  std::vector<PlanRecord> plans;
  {
    auto rs = Query(c,
                    absl::StrCat("SELECT ", kPlanColumns,
                                 " FROM prescription_plans WHERE ", where),
                    args...);
    while (rs->next()) plans.push_back(ReadPlan(*rs));
  }
  for (auto& p : plans)
    p.content.exercises = SelectExercises(c, p.id, p.revision);
  return plans;
}

std::optional<PlanRecord> SelectPlan(Connection& c, int64_t clinic_id,
                                     const std::string& patient_id,
                                     const std::string& id) {
  auto plans = SelectPlans(c, "clinic_id = ? AND patient_id = ? AND id = ?",
                           clinic_id, patient_id, id);
  if (plans.empty()) return std::nullopt;
  return plans.front();
}

// Up to `limit` revisions of a plan, newest first, below revision `before`
// (0: from the latest).
std::vector<RevisionRecord> SelectRevisions(Connection& c, int64_t clinic_id,
                                            const std::string& patient_id,
                                            const std::string& plan_id,
                                            int before, int limit) {
  std::vector<RevisionRecord> out;
  {
    auto rs = Query(c,
                    absl::StrCat("SELECT ", kRevisionColumns,
                                 " FROM prescription_plan_revisions"
                                 " WHERE clinic_id = ? AND plan_id = ?"
                                 " AND (? = 0 OR revision < ?)"
                                 " ORDER BY revision DESC LIMIT ?"),
                    clinic_id, plan_id, before, before, limit);
    while (rs->next()) {
      RevisionRecord r;
      r.plan_id = GetString(*rs, "plan_id");
      r.patient_id = patient_id;
      r.revision = rs->getInt("revision");
      r.action = static_cast<v1::PlanRevision::Action>(rs->getInt("action"));
      r.actor = GetString(*rs, "actor");
      r.reason = GetString(*rs, "reason");
      r.changes =
          absl::StrSplit(GetString(*rs, "changes"), '\n', absl::SkipEmpty());
      r.state = static_cast<v1::Plan::State>(rs->getInt("state"));
      r.content.template_slug = GetString(*rs, "template_slug");
      r.content.dose_level =
          static_cast<v1::DoseLevel>(rs->getInt("dose_level"));
      r.create_time = GetTime(*rs, "create_time");
      out.push_back(std::move(r));
    }
  }
  for (auto& r : out) {
    r.content.exercises = SelectExercises(c, r.plan_id, r.revision);
  }
  return out;
}

std::optional<std::string> Nullable(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// patient_id while the plan is open: the unique key allows one per patient.
std::optional<std::string> OpenPatient(const PlanRecord& p) {
  if (p.state == v1::Plan::STATE_ACTIVE || p.state == v1::Plan::STATE_PAUSED) {
    return p.patient_id;
  }
  return std::nullopt;
}

void InsertRevision(Connection& c, int64_t clinic_id, const RevisionRecord& r) {
  Update(c,
         absl::StrCat("INSERT INTO prescription_plan_revisions (",
                      kRevisionColumns,
                      ", clinic_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
         r.plan_id, r.revision, static_cast<int>(r.action), r.actor, r.reason,
         absl::StrJoin(r.changes, "\n"), static_cast<int>(r.state),
         r.content.template_slug, static_cast<int>(r.content.dose_level),
         r.create_time, clinic_id);
  const auto& exercises = r.content.exercises;
  for (size_t i = 0; i < exercises.size(); ++i) {
    const Dose& d = exercises[i].dose;
    Update(c,
           absl::StrCat("INSERT INTO prescription_plan_exercises (plan_id,"
                        " revision, position, exercise_slug, ",
                        kDoseColumns,
                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
           r.plan_id, r.revision, static_cast<int>(i + 1),
           exercises[i].exercise_slug, d.sets, d.reps, d.hold_seconds,
           d.rest_seconds, d.duration_minutes, d.frequency_per_week,
           d.per_side);
  }
}

// Stores `change` over revision `change.plan.revision - 1`; ABORTED when
// the plan has moved on.
absl::Status WriteChangeRows(Connection& c, const PlanChange& change) {
  const PlanRecord& p = change.plan;
  const int changed = Update(
      c,
      "UPDATE prescription_plans SET state = ?, open_patient_id = ?,"
      " template_slug = ?, dose_level = ?, revision = ?, state_reason = ?,"
      " superseded_by = ?, update_time = ?, adjust_time = ?, end_time = ?"
      " WHERE clinic_id = ? AND id = ? AND revision = ?",
      static_cast<int>(p.state), OpenPatient(p), p.content.template_slug,
      static_cast<int>(p.content.dose_level), p.revision, p.state_reason,
      Nullable(p.superseded_by), p.update_time, p.adjust_time, p.end_time,
      p.clinic_id, p.id, p.revision - 1);
  if (changed == 0) return EtagMismatchError(PlanName(p.patient_id, p.id));
  InsertRevision(c, p.clinic_id, change.revision);
  return absl::OkStatus();
}

// The plan named "patients/{patient}/plans/{plan}" (legacy request ids
// recorded the bare plan id).
std::optional<PlanRecord> SelectNamed(Connection& c, int64_t clinic_id,
                                      const std::string& name) {
  auto plans =
      SelectPlans(c, "clinic_id = ? AND id = ?", clinic_id, LastSegment(name));
  if (plans.empty()) return std::nullopt;
  return plans.front();
}

// Each plan with every revision (up to kMaxRevisions), oldest first.
absl::StatusOr<std::vector<PlanWithRevisions>> WithRevisions(
    Connection& c, std::vector<PlanRecord> plans) {
  std::vector<PlanWithRevisions> out;
  for (PlanRecord& plan : plans) {
    std::vector<RevisionRecord> revisions =
        SelectRevisions(c, plan.clinic_id, plan.patient_id, plan.id, 0,
                        PlanRepository::kMaxRevisions);
    std::reverse(revisions.begin(), revisions.end());
    out.push_back({std::move(plan), std::move(revisions)});
  }
  return out;
}

}  // namespace

absl::StatusOr<std::optional<PlanRecord>> PlanRepository::FindAssigned(
    const store::RequestKey& key, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::optional<PlanRecord>> {
        CB_ASSIGN_OR_RETURN(auto earlier, RequestIds().Find(c, key));
        if (!earlier) return std::nullopt;
        return SelectNamed(c, key.clinic_id, *earlier);
      });
}

const store::RequestIds& PlanRepository::request_ids() const {
  return RequestIds();
}

std::optional<PlanRecord> PlanRepository::FindNamed(
    Connection& c, int64_t clinic_id, const std::string& name) const {
  return SelectNamed(c, clinic_id, name);
}

std::vector<PlanRecord> PlanRepository::LockOpenPlans(
    Connection& c, int64_t clinic_id, const std::string& patient_id) const {
  // The patient's lock row, taken exclusively (ON DUPLICATE KEY UPDATE locks
  // an existing row for update), so assignments for one patient queue here
  // and each sees the one before it.
  Update(c,
         "INSERT INTO prescription_patient_locks (clinic_id, patient_id)"
         " VALUES (?, ?) ON DUPLICATE KEY UPDATE patient_id = patient_id",
         clinic_id, patient_id);
  return SelectPlans(c,
                     "clinic_id = ? AND patient_id = ? AND state IN (?, ?)"
                     " ORDER BY create_time FOR UPDATE",
                     clinic_id, patient_id,
                     static_cast<int>(v1::Plan::STATE_ACTIVE),
                     static_cast<int>(v1::Plan::STATE_PAUSED));
}

void PlanRepository::Insert(Connection& c, const PlanChange& assigned) const {
  const PlanRecord& plan = assigned.plan;
  Update(c,
         "INSERT INTO prescription_plans (id, clinic_id, patient_id,"
         " open_patient_id, state, template_slug, dose_level,"
         " assessment, override_reason, assigned_by, revision,"
         " state_reason, superseded_by, create_time, update_time,"
         " adjust_time, end_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
         " ?, ?, ?, NULL, ?, ?, ?, NULL)",
         plan.id, plan.clinic_id, plan.patient_id, OpenPatient(plan),
         static_cast<int>(plan.state), plan.content.template_slug,
         static_cast<int>(plan.content.dose_level), plan.assessment,
         Nullable(plan.override_reason), plan.assigned_by, plan.revision,
         plan.state_reason, plan.create_time, plan.update_time,
         plan.adjust_time);
  InsertRevision(c, plan.clinic_id, assigned.revision);
}

absl::StatusOr<PlanRecord> PlanRepository::GetPlan(
    int64_t clinic_id, const std::string& patient_id,
    const std::string& plan_id, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<PlanRecord> {
        auto found = SelectPlan(c, clinic_id, patient_id, plan_id);
        if (!found) return NotFoundError(PlanName(patient_id, plan_id));
        return *found;
      });
}

absl::StatusOr<std::vector<PlanRecord>> PlanRepository::ListPlans(
    int64_t clinic_id, const std::string& patient_id, v1::Plan::State state,
    const std::optional<PageCursor>& cursor, int limit, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<PlanRecord>> {
        // Unused filters bind values that make their condition true.
        const absl::Time after =
            cursor ? absl::FromUnixMicros(cursor->last_key) : absl::UnixEpoch();
        const std::string after_id = cursor ? cursor->last_id : "";
        return SelectPlans(
            c,
            "clinic_id = ? AND (? = '' OR patient_id = ?)"
            " AND (? = 0 OR state = ?)"
            " AND (? = 0 OR create_time < ? OR (create_time = ? AND id < ?))"
            " ORDER BY create_time DESC, id DESC LIMIT ?",
            clinic_id, patient_id, patient_id, static_cast<int>(state),
            static_cast<int>(state), cursor ? 1 : 0, after, after, after_id,
            limit);
      });
}

absl::Status PlanRepository::WriteChange(Connection& c,
                                         const PlanChange& change) const {
  return WriteChangeRows(c, change);
}

absl::StatusOr<std::vector<RevisionRecord>> PlanRepository::ListRevisions(
    int64_t clinic_id, const std::string& patient_id,
    const std::string& plan_id, int before, int limit, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<RevisionRecord>> {
        {
          auto rs = Query(c,
                          "SELECT id FROM prescription_plans WHERE"
                          " clinic_id = ? AND patient_id = ? AND id = ?",
                          clinic_id, patient_id, plan_id);
          if (!rs->next()) return NotFoundError(PlanName(patient_id, plan_id));
        }
        return SelectRevisions(c, clinic_id, patient_id, plan_id, before,
                               limit);
      });
}

absl::StatusOr<std::vector<PlanWithRevisions>> PlanRepository::ListClinicPlans(
    int64_t clinic_id, const std::string& after_id, int limit,
    absl::Time deadline) {
  return store::WithConnection(*pool_, deadline, [&](Connection& c) {
    return WithRevisions(
        c, SelectPlans(c, "clinic_id = ? AND id > ? ORDER BY id LIMIT ?",
                       clinic_id, after_id, limit));
  });
}

}  // namespace corebalance::prescription
