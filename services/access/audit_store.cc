#include "services/access/audit_store.h"

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/sql_time.h"
#include "services/store/bind.h"
#include "services/store/run.h"

namespace corebalance::access {
namespace {

using store::Connection;
using store::GetString;
using store::GetTime;
using store::Query;
using store::Update;

constexpr char kColumns[] =
    "seq, event_time, actor, actor_role, action, resource, patient, outcome,"
    " status_code, request_id, peer, prev_hash, hash";

AuditRow ReadRow(const sql::ResultSet& rs) {
  AuditRow r;
  r.seq = rs.getInt64("seq");
  r.event_time = GetTime(rs, "event_time");
  r.actor = GetString(rs, "actor");
  r.actor_role = rs.getInt("actor_role");
  r.action = GetString(rs, "action");
  r.resource = GetString(rs, "resource");
  r.patient = GetString(rs, "patient");
  r.outcome = rs.getInt("outcome");
  r.status_code = GetString(rs, "status_code");
  r.request_id = GetString(rs, "request_id");
  r.peer = GetString(rs, "peer");
  r.prev_hash = GetString(rs, "prev_hash");
  r.hash = GetString(rs, "hash");
  return r;
}

constexpr int kVerifyBatch = 5000;

// Inserts rows[first, first + count) with one multi-row INSERT.
void InsertRows(Connection& c, int64_t clinic_id,
                const std::vector<AuditRow>& rows, size_t first, size_t count) {
  std::string sql = absl::StrCat("INSERT INTO access_audit_events (clinic_id, ",
                                 kColumns, ") VALUES ");
  for (size_t i = 0; i < count; ++i) {
    absl::StrAppend(&sql, i == 0 ? "" : ", ",
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }
  sql::PreparedStatement& st = c.Prepare(sql);
  st.clearParameters();
  int p = 1;
  for (size_t i = first; i < first + count; ++i) {
    const AuditRow& r = rows[i];
    store::BindOne(st, p++, clinic_id);
    store::BindOne(st, p++, r.seq);
    store::BindOne(st, p++, r.event_time);
    store::BindOne(st, p++, r.actor);
    store::BindOne(st, p++, r.actor_role);
    store::BindOne(st, p++, r.action);
    store::BindOne(st, p++, r.resource);
    store::BindOne(st, p++, r.patient);
    store::BindOne(st, p++, r.outcome);
    store::BindOne(st, p++, r.status_code);
    store::BindOne(st, p++, r.request_id);
    store::BindOne(st, p++, r.peer);
    store::BindOne(st, p++, r.prev_hash);
    store::BindOne(st, p++, r.hash);
  }
  st.executeUpdate();
}

// All rows in few statements: chunks of 32, then the rest by powers of two,
// so that a handful of distinct statements are prepared.
void InsertAll(Connection& c, int64_t clinic_id,
               const std::vector<AuditRow>& rows) {
  size_t at = 0;
  for (size_t chunk = 32; chunk > 0; chunk /= 2) {
    while (rows.size() - at >= chunk) {
      InsertRows(c, clinic_id, rows, at, chunk);
      at += chunk;
      if (chunk < 32) break;
    }
  }
}

}  // namespace

absl::StatusOr<std::vector<int64_t>> AuditStore::Append(
    int64_t clinic_id, std::vector<AuditRow> rows, absl::Time deadline) {
  return store::WithTransaction(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<int64_t>> {
        int64_t seq = 0;
        std::string prev;
        {
          auto rs = Query(c,
                          "SELECT last_seq, last_hash FROM access_audit_heads"
                          " WHERE clinic_id = ? FOR UPDATE",
                          clinic_id);
          if (!rs->next())
            return NotFoundError(absl::StrCat("clinics/", clinic_id));
          seq = rs->getInt64("last_seq");
          prev = GetString(*rs, "last_hash");
        }
        std::vector<int64_t> seqs;
        const absl::Time now = NowMicros();
        for (AuditRow& row : rows) {
          row.seq = ++seq;
          row.event_time = now;
          row.prev_hash = prev;
          row.hash = ChainHash(row);
          prev = row.hash;
          seqs.push_back(row.seq);
        }
        InsertAll(c, clinic_id, rows);
        Update(c,
               "UPDATE access_audit_heads SET last_seq = ?, last_hash = ?"
               " WHERE clinic_id = ?",
               seq, prev, clinic_id);
        return seqs;
      });
}

absl::StatusOr<std::vector<AuditRow>> AuditStore::List(
    int64_t clinic_id, const AuditFilter& filter, int limit,
    absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<AuditRow>> {
        // Unused filters compare a column with itself via "? = ''" guards, so
        // one prepared statement serves every combination.
        auto rs = Query(
            c,
            absl::StrCat(
                "SELECT ", kColumns,
                " FROM access_audit_events WHERE clinic_id = ?"
                " AND (? = '' OR patient = ?) AND (? = '' OR actor = ?)"
                " AND event_time >= ? AND event_time < ? AND seq < ?"
                " ORDER BY seq DESC LIMIT ?"),
            clinic_id, filter.patient, filter.patient, filter.actor,
            filter.actor, filter.start_time.value_or(absl::FromUnixSeconds(0)),
            filter.end_time.value_or(absl::FromCivil(
                absl::CivilSecond(9999, 12, 31, 0, 0, 0), absl::UTCTimeZone())),
            filter.before_seq.value_or(std::numeric_limits<int64_t>::max()),
            limit);
        std::vector<AuditRow> out;
        while (rs->next()) out.push_back(ReadRow(*rs));
        return out;
      });
}

absl::StatusOr<std::vector<ChainReport>> AuditStore::VerifyAll(
    absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<ChainReport>> {
        std::vector<std::pair<int64_t, std::pair<int64_t, std::string>>> heads;
        {
          auto rs = c.Query(
              "SELECT clinic_id, last_seq, last_hash FROM access_audit_heads"
              " ORDER BY clinic_id");
          while (rs->next()) {
            heads.push_back(
                {rs->getInt64("clinic_id"),
                 {rs->getInt64("last_seq"), GetString(*rs, "last_hash")}});
          }
        }
        std::vector<ChainReport> reports;
        for (const auto& [clinic_id, head] : heads) {
          ChainReport report{clinic_id, 0, std::nullopt};
          std::string prev = GenesisHash();
          int64_t next_seq = 1;
          for (;;) {
            auto rs = Query(c,
                            absl::StrCat("SELECT ", kColumns,
                                         " FROM access_audit_events"
                                         " WHERE clinic_id = ? AND seq >= ?"
                                         " ORDER BY seq LIMIT ?"),
                            clinic_id, next_seq, kVerifyBatch);
            std::vector<AuditRow> batch;
            while (rs->next()) batch.push_back(ReadRow(*rs));
            if (batch.empty()) break;
            report.first_break = VerifyChain(batch, prev, next_seq);
            if (report.first_break) break;
            report.events += static_cast<int64_t>(batch.size());
            prev = batch.back().hash;
            next_seq = batch.back().seq + 1;
          }
          // Rows deleted from the end leave the head pointing past them.
          if (!report.first_break &&
              (next_seq - 1 != head.first || prev != head.second)) {
            report.first_break = ChainBreak{
                next_seq, absl::StrCat("the chain ends at event ", next_seq - 1,
                                       " but the log recorded ", head.first,
                                       " events: events were removed")};
          }
          reports.push_back(std::move(report));
        }
        return reports;
      });
}

}  // namespace corebalance::access
