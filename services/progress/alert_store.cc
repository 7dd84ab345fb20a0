#include "services/progress/alert_store.h"

#include "absl/strings/str_cat.h"
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

absl::Status AlertStore::Raise(const std::vector<StoredAlert>& alerts,
                               absl::Time deadline) {
  if (alerts.empty()) return absl::OkStatus();
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::Status {
        for (const StoredAlert& a : alerts) {
          Update(c,
                 "INSERT IGNORE INTO progress_alerts (id, clinic_id,"
                 " patient_id, kind, cause_key, message, state, create_time,"
                 " acknowledged_by, acknowledge_note)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')",
                 a.id, a.clinic_id, a.patient_id, a.kind, a.cause_key,
                 a.message, a.state, a.create_time);
        }
        return absl::OkStatus();
      });
}

absl::StatusOr<std::vector<StoredAlert>> AlertStore::List(const AlertQuery& q,
                                                          absl::Time deadline) {
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

absl::StatusOr<std::optional<StoredAlert>> AlertStore::Get(
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

absl::StatusOr<bool> AlertStore::Acknowledge(
    int64_t clinic_id, const std::string& id, const std::string& by,
    const std::string& note, absl::Time at, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<bool> {
        return Update(c,
                      "UPDATE progress_alerts SET state = 2,"
                      " acknowledge_time = ?, acknowledged_by = ?,"
                      " acknowledge_note = ?"
                      " WHERE clinic_id = ? AND id = ? AND state = 1",
                      at, by, note, clinic_id, id) > 0;
      });
}

}  // namespace corebalance::progress
