#include "services/progress/repositories/copy_repository.h"

#include <algorithm>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/store/bind.h"
#include "services/store/chunks.h"
#include "services/store/run.h"

namespace corebalance::progress {
namespace {

using store::Connection;
using store::GetString;
using store::Query;
using store::Update;

// As prescription reads back at most (years of weekly adjustments).
constexpr int kMaxRevisions = 1000;
// Exercises and templates of a clinic, as summaries read at most.
constexpr int kMaxCatalogue = 2000;

// As the outbox keeps payloads: base64, since the driver's string binding
// is not binary-safe everywhere.
std::string Encode(const google::protobuf::Message& m) {
  return absl::Base64Escape(m.SerializeAsString());
}

// Reading a body we wrote cannot fail unless the row was edited by hand.
template <typename T>
absl::StatusOr<T> Decode(const sql::ResultSet& rs, const char* table) {
  std::string bytes;
  T out;
  if (!absl::Base64Unescape(GetString(rs, "body"), &bytes) ||
      !out.ParseFromString(bytes)) {
    return absl::InternalError(absl::StrCat(table, ": unreadable body"));
  }
  return out;
}

// Every row's body.
template <typename T>
absl::StatusOr<std::vector<T>> DecodeAll(sql::ResultSet& rs,
                                         const char* table) {
  std::vector<T> out;
  while (rs.next()) {
    auto one = Decode<T>(rs, table);
    if (!one.ok()) return one.status();
    out.push_back(*std::move(one));
  }
  return out;
}

// The ids in a resource name `patients/{p}/<collection>/{x}[/revisions/{n}]`:
// {p, x[, n]}, or empty when the name has another shape.
std::vector<std::string> IdsOf(const std::string& name, const char* collection,
                               bool revision) {
  std::vector<std::string> parts = absl::StrSplit(name, '/');
  const size_t want = revision ? 6 : 4;
  if (parts.size() != want || parts[0] != "patients" ||
      parts[2] != collection || (revision && parts[4] != "revisions")) {
    return {};
  }
  std::vector<std::string> ids{parts[1], parts[3]};
  if (revision) ids.push_back(parts[5]);
  for (const std::string& id : ids) {
    if (id.empty()) return {};
  }
  return ids;
}

int DayOf(const google::type::Date& d) {
  return d.year() * 10000 + d.month() * 100 + d.day();
}

// The revision a plan event describes, as prescription keeps it (the
// action, actor and reason are not needed here).
v1::PlanRevision RevisionOf(const v1::Plan& plan) {
  v1::PlanRevision r;
  r.set_name(absl::StrCat(plan.name(), "/revisions/", plan.revision()));
  r.set_revision(plan.revision());
  r.set_state(plan.state());
  r.set_plan_template(plan.plan_template());
  r.set_dose_level(plan.dose_level());
  *r.mutable_exercises() = plan.exercises();
  *r.mutable_create_time() = plan.update_time();
  return r;
}

}  // namespace

bool CopyRepository::Apply(Connection& c, int64_t clinic_id,
                           const google::protobuf::Any& resource) const {
  v1::Patient patient;
  v1::Assessment assessment;
  v1::Plan plan;
  v1::PlanRevision revision;
  if (resource.Is<v1::Patient>() && resource.UnpackTo(&patient)) {
    if (!absl::StartsWith(patient.name(), "patients/")) return false;
    ApplyPatient(c, clinic_id, patient);
  } else if (resource.Is<v1::Assessment>() && resource.UnpackTo(&assessment)) {
    if (IdsOf(assessment.name(), "assessments", false).empty()) return false;
    ApplyAssessment(c, clinic_id, assessment);
  } else if (resource.Is<v1::Plan>() && resource.UnpackTo(&plan)) {
    if (IdsOf(plan.name(), "plans", false).empty()) return false;
    ApplyPlan(c, clinic_id, plan);
    ApplyRevision(c, clinic_id, RevisionOf(plan), /*exact=*/false);
  } else if (resource.Is<v1::PlanRevision>() && resource.UnpackTo(&revision)) {
    if (IdsOf(revision.name(), "plans", true).empty()) return false;
    ApplyRevision(c, clinic_id, revision, /*exact=*/true);
  } else if (v1::Exercise exercise;
             resource.Is<v1::Exercise>() && resource.UnpackTo(&exercise)) {
    if (!absl::StartsWith(exercise.name(), "exercises/")) return false;
    ApplyCatalogueEntry(c, clinic_id, exercise.name(), exercise.update_time(),
                        exercise);
  } else if (v1::PlanTemplate plan_template;
             resource.Is<v1::PlanTemplate>() &&
             resource.UnpackTo(&plan_template)) {
    if (!absl::StartsWith(plan_template.name(), "planTemplates/")) {
      return false;
    }
    ApplyCatalogueEntry(c, clinic_id, plan_template.name(),
                        plan_template.update_time(), plan_template);
  } else {
    return false;
  }
  return true;
}

void CopyRepository::ApplyCatalogueEntry(
    Connection& c, int64_t clinic_id, const std::string& name,
    const google::protobuf::Timestamp& update_time,
    const google::protobuf::Message& entry) const {
  const int64_t version = absl::ToUnixMicros(FromProtoTime(update_time));
  const std::string body = Encode(entry);
  Update(c,
         "INSERT INTO progress_copy_catalogue (clinic_id, name, update_micros,"
         " body) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
         " body = IF(update_micros < ?, ?, body),"
         " update_micros = GREATEST(update_micros, ?)",
         clinic_id, name, version, body, version, body, version);
}

void CopyRepository::ApplyPatient(Connection& c, int64_t clinic_id,
                                  const v1::Patient& patient) const {
  const std::string id = patient.name().substr(std::string("patients/").size());
  const int state = static_cast<int>(patient.state());
  // Patients carry no revision: their update time orders their changes.
  const int64_t version =
      absl::ToUnixMicros(FromProtoTime(patient.update_time()));
  // ON DUPLICATE KEY UPDATE assigns left to right: the state is compared
  // with the old version before the version moves on.
  Update(c,
         "INSERT INTO progress_copy_patients (clinic_id, patient_id,"
         " update_micros, state) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
         " state = IF(update_micros < ?, ?, state),"
         " update_micros = GREATEST(update_micros, ?)",
         clinic_id, id, version, state, version, state, version);
}

void CopyRepository::ApplyAssessment(Connection& c, int64_t clinic_id,
                                     const v1::Assessment& a) const {
  const std::vector<std::string> ids = IdsOf(a.name(), "assessments", false);
  Update(c,
         "INSERT INTO progress_copy_assessments (clinic_id, patient_id,"
         " assessment_id, kind, assessment_day, create_time, body)"
         " VALUES (?, ?, ?, ?, ?, ?, ?)"
         " ON DUPLICATE KEY UPDATE kind = kind",
         clinic_id, ids[0], ids[1], static_cast<int>(a.kind()),
         DayOf(a.assessment_date()), FromProtoTime(a.create_time()), Encode(a));
}

void CopyRepository::ApplyPlan(Connection& c, int64_t clinic_id,
                               const v1::Plan& plan) const {
  const std::vector<std::string> ids = IdsOf(plan.name(), "plans", false);
  const int state = static_cast<int>(plan.state());
  const std::string body = Encode(plan);
  Update(c,
         "INSERT INTO progress_copy_plans (clinic_id, patient_id, plan_id,"
         " revision, state, body) VALUES (?, ?, ?, ?, ?, ?)"
         " ON DUPLICATE KEY UPDATE state = IF(revision < ?, ?, state),"
         " body = IF(revision < ?, ?, body),"
         " revision = GREATEST(revision, ?)",
         clinic_id, ids[0], ids[1], plan.revision(), state, body,
         plan.revision(), state, plan.revision(), body, plan.revision());
  // An event may come late: the scan reads the copy and lets go of a plan
  // no longer ACTIVE itself.
  const DuePlan due{clinic_id, ids[0], ids[1]};
  if (plan.state() == v1::Plan::STATE_ACTIVE) {
    due_->FollowBy(c, due, absl::Now());
  } else {
    due_->SoonerIfFollowed(c, due, absl::Now());
  }
}

void CopyRepository::ApplyRevision(Connection& c, int64_t clinic_id,
                                   const v1::PlanRevision& revision,
                                   bool exact) const {
  const std::vector<std::string> ids = IdsOf(revision.name(), "plans", true);
  const std::string body = Encode(revision);
  const char* insert =
      "INSERT INTO progress_copy_plan_revisions (clinic_id, patient_id,"
      " plan_id, revision, body) VALUES (?, ?, ?, ?, ?)";
  if (exact) {
    // A revision as prescription kept it replaces one made from an event.
    Update(c, absl::StrCat(insert, " ON DUPLICATE KEY UPDATE body = ?"),
           clinic_id, ids[0], ids[1], revision.revision(), body, body);
  } else {
    Update(c,
           absl::StrCat(insert, " ON DUPLICATE KEY UPDATE revision = revision"),
           clinic_id, ids[0], ids[1], revision.revision(), body);
  }
}

void CopyRepository::SetCursor(Connection& c, const std::string& source,
                               int64_t clinic_id, int64_t last_seq) const {
  Update(c,
         "INSERT INTO progress_copy_cursors (source, clinic_id, last_seq,"
         " update_time) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
         " last_seq = GREATEST(last_seq, ?), update_time = ?",
         source, clinic_id, last_seq, NowMicros(), last_seq, NowMicros());
}

absl::StatusOr<std::map<int64_t, int64_t>> CopyRepository::Cursors(
    const std::string& source, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::map<int64_t, int64_t>> {
        auto rs = Query(c,
                        "SELECT clinic_id, last_seq FROM progress_copy_cursors"
                        " WHERE source = ?",
                        source);
        std::map<int64_t, int64_t> out;
        while (rs->next()) {
          out[rs->getInt64("clinic_id")] = rs->getInt64("last_seq");
        }
        return out;
      });
}

absl::StatusOr<bool> CopyRepository::HasPatient(int64_t clinic_id,
                                                const std::string& patient_id,
                                                absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<bool> {
        auto rs = Query(c,
                        "SELECT 1 FROM progress_copy_patients"
                        " WHERE clinic_id = ? AND patient_id = ?",
                        clinic_id, patient_id);
        return rs->next();
      });
}

absl::StatusOr<std::vector<v1::Assessment>> CopyRepository::Assessments(
    int64_t clinic_id, const std::string& patient_id, v1::Assessment::Kind kind,
    int limit, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<v1::Assessment>> {
        const int k = static_cast<int>(kind);
        auto rs = Query(c,
                        "SELECT body FROM progress_copy_assessments"
                        " WHERE clinic_id = ? AND patient_id = ?"
                        " AND (? = 0 OR kind = ?)"
                        " ORDER BY assessment_day DESC, create_time DESC,"
                        " assessment_id DESC LIMIT ?",
                        clinic_id, patient_id, k, k, limit);
        return DecodeAll<v1::Assessment>(*rs, "progress_copy_assessments");
      });
}

absl::StatusOr<std::optional<v1::Plan>> CopyRepository::Plan(
    int64_t clinic_id, const std::string& patient_id,
    const std::string& plan_id, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::optional<v1::Plan>> {
        auto rs =
            plan_id.empty()
                ? Query(c,
                        "SELECT body FROM progress_copy_plans"
                        " WHERE clinic_id = ? AND patient_id = ? AND state = ?"
                        " ORDER BY plan_id LIMIT 1",
                        clinic_id, patient_id,
                        static_cast<int>(v1::Plan::STATE_ACTIVE))
                : Query(c,
                        "SELECT body FROM progress_copy_plans"
                        " WHERE clinic_id = ? AND patient_id = ?"
                        " AND plan_id = ?",
                        clinic_id, patient_id, plan_id);
        if (!rs->next()) return std::nullopt;
        return Decode<v1::Plan>(*rs, "progress_copy_plans");
      });
}

absl::StatusOr<Catalogue> CopyRepository::CatalogueOf(int64_t clinic_id,
                                                      absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<Catalogue> {
        auto rs = Query(c,
                        "SELECT name, body FROM progress_copy_catalogue"
                        " WHERE clinic_id = ? ORDER BY name LIMIT ?",
                        clinic_id, kMaxCatalogue + 1);
        Catalogue out;
        int rows = 0;
        while (rs->next()) {
          if (++rows > kMaxCatalogue) {
            return absl::ResourceExhaustedError(
                absl::StrCat("the clinic's catalogue has more than ",
                             kMaxCatalogue, " entries"));
          }
          if (absl::StartsWith(GetString(*rs, "name"), "exercises/")) {
            CB_ASSIGN_OR_RETURN(
                out.exercises.emplace_back(),
                Decode<v1::Exercise>(*rs, "progress_copy_catalogue"));
          } else {
            CB_ASSIGN_OR_RETURN(
                out.templates.emplace_back(),
                Decode<v1::PlanTemplate>(*rs, "progress_copy_catalogue"));
          }
        }
        return out;
      });
}

absl::StatusOr<std::vector<v1::PlanRevision>> CopyRepository::PlanRevisions(
    int64_t clinic_id, const std::string& patient_id,
    const std::string& plan_id, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<v1::PlanRevision>> {
        auto rs = Query(c,
                        "SELECT body FROM progress_copy_plan_revisions"
                        " WHERE clinic_id = ? AND patient_id = ?"
                        " AND plan_id = ? ORDER BY revision LIMIT ?",
                        clinic_id, patient_id, plan_id, kMaxRevisions);
        return DecodeAll<v1::PlanRevision>(*rs, "progress_copy_plan_revisions");
      });
}

std::string ScanKey(const std::string& patient_id, const std::string& plan_id) {
  return absl::StrCat(patient_id, "/", plan_id);
}

absl::StatusOr<std::map<std::string, ScannedPlan>> CopyRepository::PlansToScan(
    int64_t clinic_id, const std::vector<DuePlan>& plans, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::map<std::string, ScannedPlan>> {
        std::map<std::string, ScannedPlan> out;
        absl::Status status;
        // Statement per table: `... WHERE clinic_id = ? AND (patient_id,
        // plan_id) IN ((?, ?), ...)`, padded by repeating the last plan.
        auto run = [&](const char* select, size_t first, size_t count,
                       size_t padded) {
          sql::PreparedStatement& st = c.Prepare(absl::StrCat(
              select, " WHERE clinic_id = ? AND (patient_id, plan_id) IN (",
              store::RowPlaceholders(padded, "?, ?"), ")"));
          st.clearParameters();
          int p = 1;
          store::BindOne(st, p++, clinic_id);
          for (size_t i = 0; i < padded; ++i) {
            const DuePlan& plan = plans[first + std::min(i, count - 1)];
            store::BindOne(st, p++, plan.patient_id);
            store::BindOne(st, p++, plan.plan_id);
          }
          return std::unique_ptr<sql::ResultSet>(st.executeQuery());
        };
        store::ForEachPaddedChunk(
            plans.size(), 128, [&](size_t first, size_t count, size_t padded) {
              auto rs = run(
                  "SELECT patient_id, plan_id, state FROM progress_copy_plans",
                  first, count, padded);
              while (rs->next()) {
                out[ScanKey(GetString(*rs, "patient_id"),
                            GetString(*rs, "plan_id"))]
                    .state = rs->getInt("state");
              }
              rs =
                  run("SELECT patient_id, plan_id, revision, body FROM"
                      " progress_copy_plan_revisions",
                      first, count, padded);
              while (rs->next()) {
                auto plan = out.find(ScanKey(GetString(*rs, "patient_id"),
                                             GetString(*rs, "plan_id")));
                if (plan == out.end()) continue;  // revisions without a plan
                auto revision = Decode<v1::PlanRevision>(
                    *rs, "progress_copy_plan_revisions");
                if (!revision.ok()) {
                  status = revision.status();
                  continue;
                }
                plan->second.revisions.push_back(*std::move(revision));
              }
            });
        if (!status.ok()) return status;
        for (auto& [key, plan] : out) {
          std::sort(plan.revisions.begin(), plan.revisions.end(),
                    [](const v1::PlanRevision& a, const v1::PlanRevision& b) {
                      return a.revision() < b.revision();
                    });
        }
        return out;
      });
}

}  // namespace corebalance::progress
