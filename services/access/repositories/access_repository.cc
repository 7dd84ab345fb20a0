#include "services/access/repositories/access_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "services/access/names.h"
#include "services/access/rules/audit_chain.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/store/bind.h"
#include "services/store/request_ids.h"
#include "services/store/run.h"

namespace corebalance::access {
namespace {

using store::Connection;
using store::GetOptionalString;
using store::GetOptionalTime;
using store::GetString;
using store::GetTime;
using store::Query;
using store::Update;

constexpr char kStaffColumns[] =
    "id, clinic_id, display_name, email, role, state, create_time, "
    "update_time";
constexpr char kTokenColumns[] =
    "id, clinic_id, display_name, staff_member_id, role, scopes, secret_hash, "
    "secret_prefix, expire_time, revoke_time, create_time";

StaffRecord ReadStaff(const sql::ResultSet& rs) {
  StaffRecord s;
  s.id = GetString(rs, "id");
  s.clinic_id = rs.getInt64("clinic_id");
  s.display_name = GetString(rs, "display_name");
  s.email = GetOptionalString(rs, "email");
  s.role = static_cast<v1::Role>(rs.getInt("role"));
  s.state = static_cast<v1::StaffMember::State>(rs.getInt("state"));
  s.create_time = GetTime(rs, "create_time");
  s.update_time = GetTime(rs, "update_time");
  return s;
}

TokenRecord ReadToken(const sql::ResultSet& rs) {
  TokenRecord t;
  t.id = GetString(rs, "id");
  t.clinic_id = rs.getInt64("clinic_id");
  t.display_name = GetString(rs, "display_name");
  t.staff_member_id = GetOptionalString(rs, "staff_member_id").value_or("");
  t.role = static_cast<v1::Role>(rs.getInt("role"));
  t.scopes = absl::StrSplit(GetString(rs, "scopes"), ' ', absl::SkipEmpty());
  t.secret_hash = GetString(rs, "secret_hash");
  t.secret_prefix = GetString(rs, "secret_prefix");
  t.expire_time = GetOptionalTime(rs, "expire_time");
  t.revoke_time = GetOptionalTime(rs, "revoke_time");
  t.create_time = GetTime(rs, "create_time");
  return t;
}

std::optional<StaffRecord> SelectStaff(Connection& c, int64_t clinic_id,
                                       const std::string& id) {
  auto rs = Query(c,
                  absl::StrCat("SELECT ", kStaffColumns,
                               " FROM access_staff_members"
                               " WHERE clinic_id = ? AND id = ?"),
                  clinic_id, id);
  if (!rs->next()) return std::nullopt;
  return ReadStaff(*rs);
}

std::optional<TokenRecord> SelectToken(Connection& c, int64_t clinic_id,
                                       const std::string& id) {
  auto rs = Query(c,
                  absl::StrCat("SELECT ", kTokenColumns,
                               " FROM access_api_tokens"
                               " WHERE clinic_id = ? AND id = ?"),
                  clinic_id, id);
  if (!rs->next()) return std::nullopt;
  return ReadToken(*rs);
}

const store::RequestIds kRequestIds("access_request_ids");

// Keyset paging condition on (create_time, id).
std::string AfterCursor(const std::optional<PageCursor>& cursor) {
  return cursor ? " AND (create_time > ? OR (create_time = ? AND id > ?))" : "";
}

// Runs a page query built with AfterCursor: parameters clinic_id, then the
// cursor's (if any), then the limit.
std::unique_ptr<sql::ResultSet> QueryPage(
    Connection& c, const std::string& sql, int64_t clinic_id,
    const std::optional<PageCursor>& cursor, int limit) {
  if (!cursor) return Query(c, sql, clinic_id, limit);
  const absl::Time after = absl::FromUnixMicros(cursor->last_key);
  return Query(c, sql, clinic_id, after, after, cursor->last_id, limit);
}

}  // namespace

const store::RequestIds& AccessRepository::request_ids() const {
  return kRequestIds;
}

Clinic AccessRepository::EnsureClinic(Connection& c,
                                      const std::string& name) const {
  auto rs = Query(c,
                  "SELECT id FROM access_clinics WHERE display_name = ?"
                  " FOR UPDATE",
                  name);
  if (rs->next()) return Clinic{rs->getInt64("id"), name};
  Update(c,
         "INSERT INTO access_clinics (display_name, create_time)"
         " VALUES (?, ?)",
         name, NowMicros());
  auto id_rs = c.Query("SELECT LAST_INSERT_ID() AS id");
  id_rs->next();
  const int64_t id = id_rs->getInt64("id");
  Update(c,
         "INSERT INTO access_audit_heads (clinic_id, last_seq, last_hash)"
         " VALUES (?, 0, ?)",
         id, GenesisHash());
  return Clinic{id, name};
}

void AccessRepository::InsertStaff(Connection& c,
                                   const StaffRecord& staff) const {
  Update(c,
         "INSERT INTO access_staff_members (id, clinic_id, display_name,"
         " email, role, state, create_time, update_time)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         staff.id, staff.clinic_id, staff.display_name, staff.email,
         static_cast<int>(staff.role), static_cast<int>(staff.state),
         staff.create_time, staff.update_time);
}

absl::StatusOr<StaffRecord> AccessRepository::LoadStaff(
    Connection& c, int64_t clinic_id, const std::string& name) const {
  auto found = SelectStaff(c, clinic_id, LastSegment(name));
  if (!found) return NotFoundError(name);
  return *found;
}

bool AccessRepository::DisableStaff(Connection& c, int64_t clinic_id,
                                    const std::string& id,
                                    absl::Time now) const {
  return Update(c,
                "UPDATE access_staff_members SET state = ?, update_time = ?"
                " WHERE clinic_id = ? AND id = ?",
                static_cast<int>(v1::StaffMember::STATE_DISABLED), now,
                clinic_id, id) > 0;
}

void AccessRepository::RevokeStaffTokens(Connection& c, int64_t clinic_id,
                                         const std::string& staff_id,
                                         absl::Time now) const {
  Update(c,
         "UPDATE access_api_tokens SET revoke_time = ?"
         " WHERE clinic_id = ? AND staff_member_id = ?"
         " AND revoke_time IS NULL",
         now, clinic_id, staff_id);
}

void AccessRepository::InsertToken(Connection& c,
                                   const TokenRecord& token) const {
  Update(c,
         "INSERT INTO access_api_tokens (id, clinic_id, display_name,"
         " staff_member_id, role, scopes, secret_hash, secret_prefix,"
         " expire_time, revoke_time, create_time)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
         token.id, token.clinic_id, token.display_name,
         token.staff_member_id.empty()
             ? std::nullopt
             : std::optional<std::string>(token.staff_member_id),
         static_cast<int>(token.role), absl::StrJoin(token.scopes, " "),
         token.secret_hash, token.secret_prefix, token.expire_time,
         token.create_time);
}

absl::StatusOr<TokenRecord> AccessRepository::LoadToken(
    Connection& c, int64_t clinic_id, const std::string& name) const {
  auto found = SelectToken(c, clinic_id, LastSegment(name));
  if (!found) return NotFoundError(name);
  return *found;
}

void AccessRepository::RevokeToken(Connection& c, int64_t clinic_id,
                                   const std::string& id,
                                   absl::Time now) const {
  Update(c,
         "UPDATE access_api_tokens SET revoke_time = ?"
         " WHERE clinic_id = ? AND id = ? AND revoke_time IS NULL",
         now, clinic_id, id);
}

absl::StatusOr<std::optional<StaffRecord>> AccessRepository::FindStaffByName(
    int64_t clinic_id, const std::string& display_name, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::optional<StaffRecord>> {
        auto rs = Query(c,
                        absl::StrCat("SELECT ", kStaffColumns,
                                     " FROM access_staff_members WHERE"
                                     " clinic_id = ? AND display_name = ?"
                                     " ORDER BY create_time, id LIMIT 1"),
                        clinic_id, display_name);
        if (!rs->next()) return std::nullopt;
        return ReadStaff(*rs);
      });
}

absl::StatusOr<StaffRecord> AccessRepository::GetStaff(int64_t clinic_id,
                                                       const std::string& id,
                                                       absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<StaffRecord> {
        auto found = SelectStaff(c, clinic_id, id);
        if (!found) return NotFoundError(StaffMemberName(id));
        return *found;
      });
}

absl::StatusOr<std::vector<StaffRecord>> AccessRepository::ListStaff(
    int64_t clinic_id, const std::optional<PageCursor>& cursor, int limit,
    bool show_disabled, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<StaffRecord>> {
        const std::string sql = absl::StrCat(
            "SELECT ", kStaffColumns,
            " FROM access_staff_members WHERE clinic_id = ?",
            show_disabled ? "" : " AND state = 1", AfterCursor(cursor),
            " ORDER BY create_time, id LIMIT ?");
        auto rs = QueryPage(c, sql, clinic_id, cursor, limit);
        std::vector<StaffRecord> out;
        while (rs->next()) out.push_back(ReadStaff(*rs));
        return out;
      });
}

absl::StatusOr<TokenRecord> AccessRepository::GetToken(int64_t clinic_id,
                                                       const std::string& id,
                                                       absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<TokenRecord> {
        auto found = SelectToken(c, clinic_id, id);
        if (!found) return NotFoundError(ApiTokenName(id));
        return *found;
      });
}

absl::StatusOr<std::vector<TokenRecord>> AccessRepository::ListTokens(
    int64_t clinic_id, const std::optional<PageCursor>& cursor, int limit,
    bool show_inactive, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<TokenRecord>> {
        const std::string sql = absl::StrCat(
            "SELECT ", kTokenColumns,
            " FROM access_api_tokens WHERE clinic_id = ?",
            show_inactive ? ""
                          : " AND revoke_time IS NULL AND (expire_time IS NULL"
                            " OR expire_time > UTC_TIMESTAMP(6))",
            AfterCursor(cursor), " ORDER BY create_time, id LIMIT ?");
        auto rs = QueryPage(c, sql, clinic_id, cursor, limit);
        std::vector<TokenRecord> out;
        while (rs->next()) out.push_back(ReadToken(*rs));
        return out;
      });
}

absl::StatusOr<std::optional<TokenPrincipal>> AccessRepository::FindActiveToken(
    const std::string& secret_hash, absl::Time now, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::optional<TokenPrincipal>> {
        TokenPrincipal found;
        {
          auto rs = Query(c,
                          absl::StrCat("SELECT ", kTokenColumns,
                                       " FROM access_api_tokens"
                                       " WHERE secret_hash = ?"),
                          secret_hash);
          if (!rs->next()) return std::nullopt;
          found.token = ReadToken(*rs);
        }
        const TokenRecord& t = found.token;
        if (t.revoke_time || (t.expire_time && *t.expire_time <= now)) {
          return std::nullopt;
        }
        {
          auto rs =
              Query(c, "SELECT display_name FROM access_clinics WHERE id = ?",
                    t.clinic_id);
          if (!rs->next()) return std::nullopt;
          found.clinic = Clinic{t.clinic_id, GetString(*rs, "display_name")};
        }
        if (!t.staff_member_id.empty()) {
          found.staff = SelectStaff(c, t.clinic_id, t.staff_member_id);
          if (!found.staff ||
              found.staff->state != v1::StaffMember::STATE_ACTIVE) {
            return std::nullopt;
          }
        }
        return found;
      });
}

}  // namespace corebalance::access
