#include "services/progress/repositories/session_repository.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/store/bind.h"
#include "services/store/chunks.h"
#include "services/store/request_ids.h"
#include "services/store/run.h"

namespace corebalance::progress {
namespace {

using store::Connection;
using store::GetString;
using store::GetTime;
using store::Query;
using store::Update;

constexpr char kColumns[] =
    "id, clinic_id, patient_id, plan_id, plan_revision, performed_at,"
    " walking_minutes, pain_before, worst_pain_during, pain_after,"
    " pain_after_24h, rpe, leg_pain_or_neuro, notes, assessment_nprs,"
    " traffic_light, logged_by, revision, create_time, update_time";

std::optional<int> GetOptionalInt(const sql::ResultSet& rs,
                                  const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  return rs.getInt(column);
}

StoredSession ReadSession(const sql::ResultSet& rs) {
  StoredSession s;
  s.id = GetString(rs, "id");
  s.clinic_id = rs.getInt64("clinic_id");
  s.patient_id = GetString(rs, "patient_id");
  s.plan_id = GetString(rs, "plan_id");
  s.plan_revision = rs.getInt("plan_revision");
  s.performed_at = GetTime(rs, "performed_at");
  s.walking_minutes = rs.getInt("walking_minutes");
  s.pain_before = GetOptionalInt(rs, "pain_before");
  s.worst_pain_during = rs.getInt("worst_pain_during");
  s.pain_after = rs.getInt("pain_after");
  s.pain_after_24h = GetOptionalInt(rs, "pain_after_24h");
  s.rpe = GetOptionalInt(rs, "rpe");
  s.leg_pain_or_neuro = rs.getInt("leg_pain_or_neuro") != 0;
  s.notes = GetString(rs, "notes");
  s.assessment_nprs = GetOptionalInt(rs, "assessment_nprs");
  s.traffic_light = rs.getInt("traffic_light");
  s.logged_by = GetString(rs, "logged_by");
  s.revision = rs.getInt("revision");
  s.create_time = GetTime(rs, "create_time");
  s.update_time = GetTime(rs, "update_time");
  return s;
}

// The sessions' exercises, one round trip per 64 sessions rather than one
// per session.
void LoadExercises(Connection& c, std::vector<StoredSession>& sessions) {
  std::map<std::string, StoredSession*> by_id;
  for (auto& s : sessions) by_id[s.id] = &s;
  store::ForEachPaddedChunk(
      sessions.size(), 64, [&](size_t first, size_t count, size_t padded) {
        sql::PreparedStatement& st = c.Prepare(absl::StrCat(
            "SELECT session_id, exercise_slug, completed, skip_reason, sets, "
            "reps,"
            " hold_seconds, duration_minutes FROM progress_session_exercises"
            " WHERE session_id IN (",
            store::ListPlaceholders(padded),
            ") ORDER BY session_id, position"));
        st.clearParameters();
        for (size_t i = 0; i < padded; ++i) {
          st.setString(static_cast<int>(i + 1),
                       sessions[first + std::min(i, count - 1)].id);
        }
        std::unique_ptr<sql::ResultSet> rs(st.executeQuery());
        while (rs->next()) {
          StoredExercise e;
          e.slug = GetString(*rs, "exercise_slug");
          e.completed = rs->getInt("completed") != 0;
          e.skip_reason = GetString(*rs, "skip_reason");
          e.sets = rs->getInt("sets");
          e.reps = rs->getInt("reps");
          e.hold_seconds = rs->getInt("hold_seconds");
          e.duration_minutes = rs->getInt("duration_minutes");
          by_id.at(GetString(*rs, "session_id"))
              ->exercises.push_back(std::move(e));
        }
      });
}

// The session's exercises in one multi-row INSERT.
void InsertExercises(Connection& c, const StoredSession& s) {
  if (s.exercises.empty()) return;
  std::string sql =
      "INSERT INTO progress_session_exercises (session_id, position,"
      " exercise_slug, completed, skip_reason, sets, reps, hold_seconds,"
      " duration_minutes) VALUES ";
  for (size_t i = 0; i < s.exercises.size(); ++i) {
    absl::StrAppend(&sql, i == 0 ? "" : ", ", "(?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }
  sql::PreparedStatement& st = c.Prepare(sql);
  st.clearParameters();
  int p = 1;
  for (size_t i = 0; i < s.exercises.size(); ++i) {
    const StoredExercise& e = s.exercises[i];
    store::BindOne(st, p++, s.id);
    store::BindOne(st, p++, static_cast<int>(i + 1));
    store::BindOne(st, p++, e.slug);
    store::BindOne(st, p++, e.completed);
    store::BindOne(st, p++, e.skip_reason);
    store::BindOne(st, p++, e.sets);
    store::BindOne(st, p++, e.reps);
    store::BindOne(st, p++, e.hold_seconds);
    store::BindOne(st, p++, e.duration_minutes);
  }
  st.executeUpdate();
}

template <typename... Args>
std::vector<StoredSession> Select(Connection& c, const std::string& where,
                                  const Args&... args) {
  std::vector<StoredSession> out;
  {
    auto rs = Query(c,
                    absl::StrCat("SELECT ", kColumns,
                                 " FROM progress_sessions WHERE ", where),
                    args...);
    while (rs->next()) out.push_back(ReadSession(*rs));
  }
  LoadExercises(c, out);
  return out;
}

std::optional<StoredSession> SelectById(Connection& c, int64_t clinic_id,
                                        const std::string& id) {
  auto found = Select(c, "clinic_id = ? AND id = ?", clinic_id, id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

const store::RequestIds kRequestIds("progress_request_ids");

// The session "patients/{p}/sessions/{s}" (legacy request ids recorded the
// bare session id).
std::optional<StoredSession> SelectNamed(Connection& c, int64_t clinic_id,
                                         const std::string& name) {
  return SelectById(c, clinic_id, LastSegment(name));
}

}  // namespace

absl::StatusOr<std::optional<StoredSession>> SessionRepository::FindLogged(
    const store::RequestKey& key, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::optional<StoredSession>> {
        CB_ASSIGN_OR_RETURN(auto name, kRequestIds.Find(c, key));
        if (!name) return std::nullopt;
        return SelectNamed(c, key.clinic_id, *name);
      });
}

const store::RequestIds& SessionRepository::request_ids() const {
  return kRequestIds;
}

std::optional<StoredSession> SessionRepository::FindNamed(
    Connection& c, int64_t clinic_id, const std::string& name) const {
  return SelectNamed(c, clinic_id, name);
}

void SessionRepository::Insert(Connection& c, const StoredSession& s) const {
  Update(c,
         absl::StrCat("INSERT INTO progress_sessions (", kColumns,
                      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      " ?, ?, ?, ?, ?, ?, ?)"),
         s.id, s.clinic_id, s.patient_id, s.plan_id, s.plan_revision,
         s.performed_at, s.walking_minutes, s.pain_before, s.worst_pain_during,
         s.pain_after, s.pain_after_24h, s.rpe, s.leg_pain_or_neuro, s.notes,
         s.assessment_nprs, s.traffic_light, s.logged_by, s.revision,
         s.create_time, s.update_time);
  InsertExercises(c, s);
}

absl::StatusOr<std::optional<StoredSession>> SessionRepository::Get(
    int64_t clinic_id, const std::string& patient_id, const std::string& id,
    absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::optional<StoredSession>> {
        auto found = Select(c, "clinic_id = ? AND patient_id = ? AND id = ?",
                            clinic_id, patient_id, id);
        if (found.empty()) return std::nullopt;
        return found.front();
      });
}

absl::StatusOr<std::vector<StoredSession>> SessionRepository::List(
    const SessionQuery& q, absl::Time deadline) {
  // Optional filters become always-true comparisons so that one statement
  // (and the (clinic_id, patient_id, performed_at) index) serves them all.
  const absl::Time start = q.start_time.value_or(absl::UnixEpoch());
  const absl::Time end =
      q.end_time.value_or(absl::FromUnixSeconds(253402300799));  // 9999
  const bool keyset = q.after_performed_at.has_value();
  const absl::Time after = q.after_performed_at.value_or(absl::UnixEpoch());
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<StoredSession>> {
        return Select(
            c,
            absl::StrCat(
                "clinic_id = ? AND patient_id = ? AND performed_at >= ?"
                " AND performed_at < ? AND (? = '' OR plan_id = ?)"
                " AND (? = 0 OR performed_at < ? OR (performed_at = ?"
                " AND id < ?)) ORDER BY performed_at DESC, id DESC LIMIT ",
                q.limit),
            q.clinic_id, q.patient_id, start, end, q.plan_id, q.plan_id,
            keyset ? 1 : 0, after, after, q.after_id);
      });
}

absl::StatusOr<std::map<std::string, std::vector<SessionRecord>>>
SessionRepository::AdherenceSessions(int64_t clinic_id,
                                     const std::vector<std::string>& patients,
                                     absl::Time start, absl::Time end,
                                     absl::Time deadline) {
  using ByPatient = std::map<std::string, std::vector<SessionRecord>>;
  constexpr size_t kChunk = 128;
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<ByPatient> {
        ByPatient out;
        bool too_many = false;
        store::ForEachPaddedChunk(
            patients.size(), kChunk,
            [&](size_t first, size_t count, size_t padded) {
              sql::PreparedStatement& st = c.Prepare(absl::StrCat(
                  "SELECT patient_id, id, performed_at FROM progress_sessions"
                  " WHERE clinic_id = ? AND patient_id IN (",
                  store::ListPlaceholders(padded),
                  ") AND performed_at >= ? AND performed_at < ? LIMIT ?"));
              st.clearParameters();
              int p = 1;
              store::BindOne(st, p++, clinic_id);
              for (size_t i = 0; i < padded; ++i) {
                store::BindOne(st, p++,
                               patients[first + std::min(i, count - 1)]);
              }
              store::BindOne(st, p++, start);
              store::BindOne(st, p++, end);
              const int limit = static_cast<int>(kChunk) * kMaxSessionsRead;
              store::BindOne(st, p++, limit + 1);
              std::unique_ptr<sql::ResultSet> rs(st.executeQuery());
              int rows = 0;
              while (rs->next()) {
                ++rows;
                std::vector<SessionRecord>& of =
                    out[GetString(*rs, "patient_id")];
                of.push_back({.id = GetString(*rs, "id"),
                              .performed_at = GetTime(*rs, "performed_at")});
                too_many = too_many || of.size() > kMaxSessionsRead;
              }
              too_many = too_many || rows > limit;
            });
        if (too_many) {
          return absl::ResourceExhaustedError(absl::StrCat(
              "adherence scan: a patient has more than ", kMaxSessionsRead,
              " sessions in the weeks it looks at"));
        }
        for (const std::string& patient : patients) {
          if (out.contains(patient)) continue;
          auto rs = Query(c,
                          "SELECT id, performed_at FROM progress_sessions"
                          " WHERE clinic_id = ? AND patient_id = ?"
                          " AND performed_at < ?"
                          " ORDER BY performed_at DESC, id DESC LIMIT 1",
                          clinic_id, patient, start);
          std::vector<SessionRecord>& of = out[patient];
          if (rs->next()) {
            of.push_back({.id = GetString(*rs, "id"),
                          .performed_at = GetTime(*rs, "performed_at")});
          }
        }
        return out;
      });
}

bool SessionRepository::UpdateLater(Connection& c,
                                    const StoredSession& s) const {
  return Update(c,
                "UPDATE progress_sessions SET pain_after_24h = ?, notes = ?,"
                " traffic_light = ?, revision = ?, update_time = ?"
                " WHERE clinic_id = ? AND id = ? AND revision = ?",
                s.pain_after_24h, s.notes, s.traffic_light, s.revision,
                s.update_time, s.clinic_id, s.id, s.revision - 1) > 0;
}

}  // namespace corebalance::progress
