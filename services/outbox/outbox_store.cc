#include "services/outbox/outbox_store.h"

#include <openssl/rand.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "services/common/sql_time.h"
#include "services/outbox/audit_bounds.h"
#include "services/store/bind.h"
#include "services/store/chunks.h"
#include "services/store/run.h"

namespace corebalance::outbox {
namespace {

using store::Connection;
using store::GetString;
using store::Query;
using store::Update;

int StreamCode(Stream s) { return static_cast<int>(s); }

// Payloads are stored as base64 text: the driver's string binding is not
// binary-safe everywhere, and ASCII text is.
std::string Encode(const google::protobuf::Message& m) {
  return absl::Base64Escape(m.SerializeAsString());
}

}  // namespace

std::string NewEventId() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

v1::DomainEvent DomainEventOf(const std::string& type,
                              const std::string& resource,
                              const std::string& patient, int64_t revision,
                              const google::protobuf::Message& data) {
  v1::DomainEvent e;
  e.set_type(type);
  e.set_resource(resource);
  e.set_patient(patient);
  e.set_revision(revision);
  e.mutable_data()->PackFrom(data);
  return e;
}

void ChangeEvents::Add(const std::string& type, const std::string& resource,
                       const std::string& patient, int64_t revision,
                       const google::protobuf::Message& data) {
  domain.push_back(DomainEventOf(type, resource, patient, revision, data));
}

OutboxStore::OutboxStore(std::string service)
    : service_(std::move(service)),
      table_(absl::StrCat(service_, "_outbox")),
      heads_(absl::StrCat(service_, "_outbox_heads")) {}

void OutboxStore::Insert(Connection& c, int64_t clinic_id, Stream stream,
                         const std::vector<Row>& rows, absl::Time now) const {
  const int64_t n = static_cast<int64_t>(rows.size());
  // The clinic's head row takes the n numbers; it stays locked until
  // commit, so seqs are gap-free and commit in order per clinic.
  // LAST_INSERT_ID(expr) hands the new last seq to this connection only.
  Update(c,
         absl::StrCat("INSERT INTO ", heads_,
                      " (clinic_id, stream, last_seq) VALUES (?, ?,"
                      " LAST_INSERT_ID(?)) ON DUPLICATE KEY UPDATE"
                      " last_seq = LAST_INSERT_ID(last_seq + ?)"),
         clinic_id, StreamCode(stream), n, n);
  const char* row_sql = "?, ?, ?, ?, ?, ?, ?, ?";
  int64_t first_seq = 0;
  if (n == 1) {
    // The common case in one round trip less: inside the INSERT,
    // LAST_INSERT_ID() is still the previous statement's value.
    row_sql = "?, ?, ?, LAST_INSERT_ID(), ?, ?, ?, ?";
  } else {
    // Several statements follow, and each changes LAST_INSERT_ID().
    auto rs = c.Query("SELECT LAST_INSERT_ID() AS last");
    rs->next();
    first_seq = rs->getInt64("last") - n + 1;
  }
  store::ForEachChunk(rows.size(), [&](size_t first, size_t count) {
    sql::PreparedStatement& st = c.Prepare(absl::StrCat(
        "INSERT INTO ", table_,
        " (event_id, clinic_id, stream, seq, event_type, patient, payload,"
        " create_time) VALUES ",
        store::RowPlaceholders(count, row_sql)));
    st.clearParameters();
    int p = 1;
    for (size_t i = first; i < first + count; ++i) {
      store::BindOne(st, p++, rows[i].event_id);
      store::BindOne(st, p++, clinic_id);
      store::BindOne(st, p++, StreamCode(stream));
      if (n > 1) store::BindOne(st, p++, first_seq + static_cast<int64_t>(i));
      store::BindOne(st, p++, rows[i].type);
      store::BindOne(st, p++, rows[i].patient);
      store::BindOne(st, p++, rows[i].payload);
      store::BindOne(st, p++, now);
    }
    st.executeUpdate();
  });
}

void OutboxStore::AppendAudit(Connection& c, int64_t clinic_id,
                              std::vector<v1::AuditEvent> events) const {
  if (events.empty()) return;
  const absl::Time now = NowMicros();
  std::vector<Row> rows;
  rows.reserve(events.size());
  for (v1::AuditEvent& e : events) {
    BoundAuditEvent(e);
    *e.mutable_event_time() = ToProtoTime(now);
    rows.push_back({NewEventId(), "audit", e.patient(), Encode(e)});
  }
  Insert(c, clinic_id, Stream::kAudit, rows, now);
}

void OutboxStore::Append(Connection& c, ChangeEvents& events,
                         bool replay) const {
  std::vector<v1::AuditEvent> audit{events.audit};
  if (!replay) {
    audit.insert(audit.end(), events.extra_audit.begin(),
                 events.extra_audit.end());
  }
  AppendAudit(c, events.clinic_id, std::move(audit));
  if (!replay) AppendDomain(c, events.clinic_id, events.domain);
}

void OutboxStore::AppendDomain(Connection& c, int64_t clinic_id,
                               std::vector<v1::DomainEvent>& events) const {
  if (events.empty()) return;
  const absl::Time now = NowMicros();
  std::vector<Row> rows;
  for (v1::DomainEvent& e : events) {
    e.set_event_id(NewEventId());
    e.set_clinic(absl::StrCat("clinics/", clinic_id));
    e.set_source(service_);
    // source_seq is the row's seq column, set when the event is read.
    *e.mutable_event_time() = ToProtoTime(now);
    rows.push_back({e.event_id(), e.type(), e.patient(), Encode(e)});
  }
  Insert(c, clinic_id, Stream::kDomain, rows, now);
}

absl::Status OutboxStore::AppendAuditNow(
    store::Pool& pool, absl::Time deadline, int64_t clinic_id,
    std::vector<v1::AuditEvent> events) const {
  return store::WithTransaction(pool, deadline,
                                [&](Connection& c) -> absl::Status {
                                  AppendAudit(c, clinic_id, events);
                                  return absl::OkStatus();
                                });
}

absl::StatusOr<std::vector<PendingAudit>> OutboxStore::Pending(
    store::Pool& pool, absl::Time deadline, int limit) const {
  return store::WithConnection(
      pool, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<PendingAudit>> {
        auto rs = Query(
            c,
            absl::StrCat("SELECT id, event_id, clinic_id, seq, create_time,"
                         " payload FROM ",
                         table_,
                         " WHERE stream = 1 AND set_aside_time IS NULL"
                         " ORDER BY id LIMIT ?"),
            limit);
        std::vector<PendingAudit> out;
        while (rs->next()) {
          PendingAudit& p = out.emplace_back();
          p.id = rs->getInt64("id");
          p.event_id = GetString(*rs, "event_id");
          p.clinic_id = rs->getInt64("clinic_id");
          p.seq = rs->getInt64("seq");
          p.create_time = store::GetTime(*rs, "create_time");
          std::string bytes;
          if (!absl::Base64Unescape(GetString(*rs, "payload"), &bytes) ||
              !p.event.ParseFromString(bytes)) {
            // Kept visible to the relay, which sets it aside.
            p.event.Clear();
            p.event.set_action("(unreadable outbox payload)");
          }
        }
        return out;
      });
}

absl::Status OutboxStore::Remove(store::Pool& pool, absl::Time deadline,
                                 const std::vector<int64_t>& ids) const {
  if (ids.empty()) return absl::OkStatus();
  return store::WithConnection(pool, deadline, [&](Connection& c) {
    store::ForEachChunk(ids.size(), [&](size_t first, size_t count) {
      sql::PreparedStatement& st =
          c.Prepare(absl::StrCat("DELETE FROM ", table_, " WHERE id IN (",
                                 store::ListPlaceholders(count), ")"));
      st.clearParameters();
      for (size_t i = 0; i < count; ++i) {
        store::BindOne(st, static_cast<int>(i + 1), ids[first + i]);
      }
      st.executeUpdate();
    });
    return absl::OkStatus();
  });
}

absl::Status OutboxStore::SetAside(store::Pool& pool, absl::Time deadline,
                                   int64_t id,
                                   const std::string& reason) const {
  return store::WithConnection(pool, deadline, [&](Connection& c) {
    Update(c,
           absl::StrCat("UPDATE ", table_,
                        " SET set_aside_time = ?, set_aside_reason = ?"
                        " WHERE id = ?"),
           NowMicros(), Bounded(reason, 300), id);
    return absl::OkStatus();
  });
}

absl::StatusOr<std::optional<absl::Time>> OutboxStore::OldestPending(
    store::Pool& pool, absl::Time deadline) const {
  return store::WithConnection(
      pool, deadline,
      [&](Connection& c) -> absl::StatusOr<std::optional<absl::Time>> {
        auto rs = c.Query(absl::StrCat(
            "SELECT create_time FROM ", table_,
            " WHERE stream = 1 AND set_aside_time IS NULL ORDER BY id"
            " LIMIT 1"));
        if (!rs->next()) return std::nullopt;
        return store::GetTime(*rs, "create_time");
      });
}

absl::StatusOr<int> OutboxStore::PruneDomain(store::Pool& pool,
                                             absl::Time deadline,
                                             absl::Time before,
                                             int limit) const {
  return store::WithConnection(
      pool, deadline, [&](Connection& c) -> absl::StatusOr<int> {
        return Update(c,
                      absl::StrCat("DELETE FROM ", table_,
                                   " WHERE stream = 2 AND create_time < ?"
                                   " ORDER BY id LIMIT ?"),
                      before, limit);
      });
}

absl::StatusOr<std::vector<DomainHead>> OutboxStore::DomainHeads(
    store::Pool& pool, absl::Time deadline, int64_t after_clinic,
    int limit) const {
  return store::WithConnection(
      pool, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<DomainHead>> {
        auto rs = Query(c,
                        absl::StrCat("SELECT clinic_id, last_seq FROM ", heads_,
                                     " WHERE stream = 2 AND clinic_id > ?"
                                     " ORDER BY clinic_id LIMIT ?"),
                        after_clinic, limit);
        std::vector<DomainHead> out;
        while (rs->next()) {
          out.push_back({rs->getInt64("clinic_id"), rs->getInt64("last_seq")});
        }
        return out;
      });
}

absl::StatusOr<std::pair<std::vector<v1::DomainEvent>, int64_t>>
OutboxStore::DomainEventsAfter(store::Pool& pool, absl::Time deadline,
                               int64_t clinic_id, int64_t after_seq,
                               int limit) const {
  using Page = std::pair<std::vector<v1::DomainEvent>, int64_t>;
  return store::WithConnection(
      pool, deadline, [&](Connection& c) -> absl::StatusOr<Page> {
        Page page;
        // The head first: every event up to it has committed (a writer
        // holds the head row until its commit), so none is skipped.
        auto head = Query(c,
                          absl::StrCat("SELECT last_seq FROM ", heads_,
                                       " WHERE clinic_id = ? AND stream = 2"),
                          clinic_id);
        if (head->next()) page.second = head->getInt64("last_seq");
        auto rs =
            Query(c,
                  absl::StrCat("SELECT seq, payload FROM ", table_,
                               " WHERE clinic_id = ? AND stream = 2 AND seq > ?"
                               " AND seq <= ? ORDER BY seq LIMIT ?"),
                  clinic_id, after_seq, page.second, limit);
        while (rs->next()) {
          v1::DomainEvent& e = page.first.emplace_back();
          std::string bytes;
          if (!absl::Base64Unescape(GetString(*rs, "payload"), &bytes) ||
              !e.ParseFromString(bytes)) {
            return absl::InternalError(
                absl::StrCat(service_, " outbox: unreadable domain event, seq ",
                             rs->getInt64("seq")));
          }
          e.set_source(service_);
          e.set_source_seq(rs->getInt64("seq"));
        }
        return page;
      });
}

bool OutboxStore::Exists(Connection& c) const {
  auto rs = Query(c,
                  "SELECT COUNT(*) AS n FROM information_schema.tables"
                  " WHERE table_schema = DATABASE() AND table_name = ?",
                  heads_);
  return rs->next() && rs->getInt64("n") > 0;
}

std::vector<AuditHead> OutboxStore::AuditHeads(Connection& c) const {
  auto rs = c.Query(absl::StrCat("SELECT clinic_id, last_seq FROM ", heads_,
                                 " WHERE stream = 1 ORDER BY clinic_id"));
  std::vector<AuditHead> out;
  while (rs->next()) {
    out.push_back({rs->getInt64("clinic_id"), rs->getInt64("last_seq")});
  }
  return out;
}

std::vector<UnrelayedAudit> OutboxStore::Unrelayed(Connection& c,
                                                   int64_t clinic_id) const {
  auto rs = Query(
      c,
      absl::StrCat("SELECT seq, create_time, set_aside_reason FROM ", table_,
                   " WHERE stream = 1 AND clinic_id = ?"
                   " ORDER BY seq"),
      clinic_id);
  std::vector<UnrelayedAudit> out;
  while (rs->next()) {
    out.push_back({rs->getInt64("seq"), store::GetTime(*rs, "create_time"),
                   store::GetOptionalString(*rs, "set_aside_reason")});
  }
  return out;
}

}  // namespace corebalance::outbox
