#include "services/access/repositories/audit_repository.h"

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/sql_time.h"
#include "services/store/bind.h"
#include "services/store/chunks.h"
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
    " status_code, request_id, peer, source, source_seq, event_id, prev_hash,"
    " hash";

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
  r.source = GetString(rs, "source");
  r.source_seq = rs.isNull("source_seq") ? 0 : rs.getInt64("source_seq");
  r.event_id = store::GetOptionalString(rs, "event_id").value_or("");
  r.prev_hash = GetString(rs, "prev_hash");
  r.hash = GetString(rs, "hash");
  return r;
}

constexpr int kVerifyBatch = 5000;

// Inserts rows[first, first + count) with one multi-row INSERT.
void InsertRows(Connection& c, int64_t clinic_id,
                const std::vector<AuditRow>& rows, size_t first, size_t count) {
  sql::PreparedStatement& st = c.Prepare(absl::StrCat(
      "INSERT INTO access_audit_events (clinic_id, ", kColumns, ") VALUES ",
      store::RowPlaceholders(
          count, "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")));
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
    store::BindOne(st, p++, r.source);
    store::BindOne(
        st, p++,
        r.source.empty() ? std::nullopt : std::optional<int64_t>(r.source_seq));
    store::BindOne(st, p++,
                   r.event_id.empty() ? std::nullopt
                                      : std::optional<std::string>(r.event_id));
    store::BindOne(st, p++, r.prev_hash);
    store::BindOne(st, p++, r.hash);
  }
  st.executeUpdate();
}

void InsertAll(Connection& c, int64_t clinic_id,
               const std::vector<AuditRow>& rows) {
  store::ForEachChunk(rows.size(), [&](size_t first, size_t count) {
    InsertRows(c, clinic_id, rows, first, count);
  });
}

// The highest source_seq the clinic's chain holds per source, locked.
std::map<std::string, int64_t> LockSources(Connection& c, int64_t clinic_id) {
  auto rs = Query(c,
                  "SELECT source, last_seq FROM access_audit_sources"
                  " WHERE clinic_id = ? FOR UPDATE",
                  clinic_id);
  std::map<std::string, int64_t> out;
  while (rs->next()) out[GetString(*rs, "source")] = rs->getInt64("last_seq");
  return out;
}

}  // namespace

absl::StatusOr<std::vector<int64_t>> AuditRepository::Append(
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
        std::map<std::string, int64_t> sources = LockSources(c, clinic_id);
        const std::map<std::string, int64_t> before = sources;
        std::vector<int64_t> seqs;
        std::vector<AuditRow> fresh;
        const absl::Time now = NowMicros();
        for (AuditRow& row : rows) {
          if (!row.source.empty()) {
            int64_t& last = sources[row.source];
            if (row.source_seq <= last) {  // a resend: in the chain already
              seqs.push_back(0);
              continue;
            }
            last = row.source_seq;
          }
          row.seq = ++seq;
          if (row.event_time == absl::Time()) row.event_time = now;
          row.prev_hash = prev;
          row.hash = ChainHash(row);
          prev = row.hash;
          seqs.push_back(row.seq);
          fresh.push_back(std::move(row));
        }
        if (fresh.empty()) return seqs;
        InsertAll(c, clinic_id, fresh);
        Update(c,
               "UPDATE access_audit_heads SET last_seq = ?, last_hash = ?"
               " WHERE clinic_id = ?",
               seq, prev, clinic_id);
        for (const auto& [source, last] : sources) {
          auto it = before.find(source);
          if (it != before.end() && it->second == last) continue;
          Update(c,
                 "INSERT INTO access_audit_sources (clinic_id, source,"
                 " last_seq) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE"
                 " last_seq = GREATEST(last_seq, ?)",
                 clinic_id, source, last, last);
        }
        return seqs;
      });
}

absl::StatusOr<std::vector<AuditRow>> AuditRepository::List(
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

absl::StatusOr<std::vector<ChainReport>> AuditRepository::VerifyAll(
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
          ChainReport report;
          report.clinic_id = clinic_id;
          std::string prev = GenesisHash();
          int64_t next_seq = 1;
          for (;;) {
            auto rs = Query(c,
                            absl::StrCat("SELECT ", kColumns,
                                         " FROM access_audit_events"
                                         " WHERE clinic_id = ? AND seq >= ?"
                                         " AND seq <= ? ORDER BY seq LIMIT ?"),
                            clinic_id, next_seq, head.first, kVerifyBatch);
            std::vector<AuditRow> batch;
            while (rs->next()) batch.push_back(ReadRow(*rs));
            if (batch.empty()) break;
            report.first_break = VerifyChain(batch, prev, next_seq);
            if (report.first_break) break;
            report.events += static_cast<int64_t>(batch.size());
            for (const AuditRow& row : batch) {
              if (row.source.empty() || row.source_seq <= 0) continue;
              std::vector<bool>& seen = report.relayed[row.source];
              if (seen.size() <= static_cast<size_t>(row.source_seq)) {
                seen.resize(row.source_seq + 1);
              }
              seen[row.source_seq] = true;
            }
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
