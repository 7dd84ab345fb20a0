#include "services/progress/repositories/alert_repository.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"
#include "services/progress/alert_rows.h"
#include "services/store/bind.h"
#include "services/store/run.h"

namespace corebalance::progress {
namespace {

using store::Connection;
using store::GetOptionalTime;
using store::GetString;
using store::GetTime;
using store::Query;
using store::Update;

constexpr char kColumns[] =
    "seq, id, clinic_id, patient_id, kind, cause_key, message, state,"
    " create_time, acknowledge_time, acknowledged_by, acknowledge_note";

StoredAlert ReadAlert(const sql::ResultSet& rs) {
  StoredAlert a;
  a.seq = rs.getInt64("seq");
  a.id = GetString(rs, "id");
  a.clinic_id = rs.getInt64("clinic_id");
  a.patient_id = GetString(rs, "patient_id");
  a.kind = rs.getInt("kind");
  a.cause_key = GetString(rs, "cause_key");
  a.message = GetString(rs, "message");
  a.state = rs.getInt("state");
  a.create_time = GetTime(rs, "create_time");
  a.acknowledge_time = GetOptionalTime(rs, "acknowledge_time");
  a.acknowledged_by = GetString(rs, "acknowledged_by");
  a.acknowledge_note = GetString(rs, "acknowledge_note");
  return a;
}

}  // namespace

void AlertRepository::LockClinic(Connection& c, int64_t clinic_id) const {
  Update(c,
         "INSERT INTO progress_alert_clinics (clinic_id, raised)"
         " VALUES (?, 1) ON DUPLICATE KEY UPDATE raised = raised + 1",
         clinic_id);
}

bool AlertRepository::InsertIfNew(Connection& c, const StoredAlert& a) const {
  // Not INSERT IGNORE: that would also turn errors other than the duplicate
  // cause (a value too long, say) into warnings. A no-op update of a known
  // cause changes no row, so it counts 0.
  return Update(c,
                "INSERT INTO progress_alerts (id, clinic_id,"
                " patient_id, kind, cause_key, message, state, create_time,"
                " acknowledged_by, acknowledge_note)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')"
                " ON DUPLICATE KEY UPDATE cause_key = cause_key",
                a.id, a.clinic_id, a.patient_id, a.kind, a.cause_key, a.message,
                a.state, a.create_time) > 0;
}

absl::StatusOr<std::vector<StoredAlert>> AlertRepository::WithoutKnownCauses(
    const std::vector<StoredAlert>& alerts, absl::Time deadline) {
  if (alerts.empty()) return alerts;
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<StoredAlert>> {
        std::vector<StoredAlert> fresh;
        for (const StoredAlert& a : alerts) {
          auto rs = Query(c,
                          "SELECT 1 FROM progress_alerts WHERE clinic_id = ?"
                          " AND patient_id = ? AND kind = ? AND cause_key = ?",
                          a.clinic_id, a.patient_id, a.kind, a.cause_key);
          if (!rs->next()) fresh.push_back(a);
        }
        return fresh;
      });
}

absl::StatusOr<std::vector<StoredAlert>> AlertRepository::ListRaisedAfter(
    int64_t clinic_id, const std::string& patient_id, int kind,
    int64_t after_seq, int limit, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<StoredAlert>> {
        auto rs =
            Query(c,
                  absl::StrCat("SELECT ", kColumns,
                               " FROM progress_alerts WHERE clinic_id = ?"
                               " AND seq > ? AND (? = '' OR patient_id = ?)"
                               " AND (? = 0 OR kind = ?) ORDER BY seq LIMIT ",
                               limit),
                  clinic_id, after_seq, patient_id, patient_id, kind, kind);
        std::vector<StoredAlert> out;
        while (rs->next()) out.push_back(ReadAlert(*rs));
        return out;
      });
}

absl::StatusOr<int64_t> AlertRepository::LastSeq(int64_t clinic_id,
                                                 absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<int64_t> {
        auto rs = Query(c,
                        "SELECT COALESCE(MAX(seq), 0) AS last FROM"
                        " progress_alerts WHERE clinic_id = ?",
                        clinic_id);
        return rs->next() ? rs->getInt64("last") : 0;
      });
}

absl::StatusOr<std::vector<StoredAlert>> AlertRepository::List(
    const AlertQuery& q, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<StoredAlert>> {
        auto rs = Query(
            c,
            absl::StrCat("SELECT ", kColumns,
                         " FROM progress_alerts WHERE clinic_id = ?"
                         " AND (? = '' OR patient_id = ?)"
                         " AND (? = 0 OR kind = ?) AND (? = 0 OR state = ?)"
                         " AND (? = 0 OR seq < ?) ORDER BY seq DESC LIMIT ",
                         q.limit),
            q.clinic_id, q.patient_id, q.patient_id, q.kind, q.kind, q.state,
            q.state, q.before_seq, q.before_seq);
        std::vector<StoredAlert> out;
        while (rs->next()) out.push_back(ReadAlert(*rs));
        return out;
      });
}

absl::StatusOr<std::optional<StoredAlert>> AlertRepository::Get(
    int64_t clinic_id, const std::string& patient_id, const std::string& id,
    absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::optional<StoredAlert>> {
        auto rs = Query(c,
                        absl::StrCat("SELECT ", kColumns,
                                     " FROM progress_alerts WHERE clinic_id = ?"
                                     " AND patient_id = ? AND id = ?"),
                        clinic_id, patient_id, id);
        if (!rs->next()) return std::nullopt;
        return ReadAlert(*rs);
      });
}

std::optional<StoredAlert> AlertRepository::MarkAcknowledged(
    Connection& c, int64_t clinic_id, const std::string& id,
    const std::string& by, const std::string& note, absl::Time at) const {
  const int changed = Update(c,
                             "UPDATE progress_alerts SET state = 2,"
                             " acknowledge_time = ?, acknowledged_by = ?,"
                             " acknowledge_note = ?"
                             " WHERE clinic_id = ? AND id = ? AND state = 1",
                             at, by, note, clinic_id, id);
  if (changed == 0) return std::nullopt;
  auto rs = Query(c,
                  absl::StrCat("SELECT ", kColumns,
                               " FROM progress_alerts WHERE clinic_id = ?"
                               " AND id = ?"),
                  clinic_id, id);
  if (!rs->next()) return std::nullopt;
  return ReadAlert(*rs);
}

}  // namespace corebalance::progress
