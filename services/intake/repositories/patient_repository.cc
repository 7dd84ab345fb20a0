#include "services/intake/repositories/patient_repository.h"

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/intake/names.h"
#include "services/intake/repositories/sql_support.h"
#include "services/store/bind.h"
#include "services/store/run.h"

namespace corebalance::intake {
namespace {

using store::Connection;
using store::GetString;
using store::GetTime;
using store::Query;
using store::Update;

constexpr char kColumns[] =
    "id, clinic_id, given_name, family_name, birth_date, sex, phone, email,"
    " assigned_practitioner_id, state, revision, create_time, update_time";

PatientRecord ReadPatient(const sql::ResultSet& rs) {
  PatientRecord p;
  p.id = GetString(rs, "id");
  p.clinic_id = rs.getInt64("clinic_id");
  p.given_name = GetString(rs, "given_name");
  p.family_name = GetString(rs, "family_name");
  p.birth_date = GetOptionalDate(rs, "birth_date");
  p.sex = static_cast<v1::Patient::Sex>(rs.getInt("sex"));
  p.phone = GetString(rs, "phone");
  p.email = GetString(rs, "email");
  p.assigned_practitioner_id = GetString(rs, "assigned_practitioner_id");
  p.state = static_cast<v1::Patient::State>(rs.getInt("state"));
  p.revision = rs.getInt64("revision");
  p.create_time = GetTime(rs, "create_time");
  p.update_time = GetTime(rs, "update_time");
  return p;
}

std::optional<PatientRecord> SelectPatient(Connection& c, int64_t clinic_id,
                                           const std::string& id,
                                           bool for_update) {
  auto rs = Query(c,
                  absl::StrCat("SELECT ", kColumns,
                               " FROM intake_patients"
                               " WHERE clinic_id = ? AND id = ?",
                               for_update ? " FOR UPDATE" : ""),
                  clinic_id, id);
  if (!rs->next()) return std::nullopt;
  return ReadPatient(*rs);
}

// LIKE pattern matching `text` anywhere, with '!' as the escape character
// (a backslash would depend on the server's sql_mode).
std::string ContainsPattern(const std::string& text) {
  std::string out = "%";
  for (char ch : text) {
    if (ch == '!' || ch == '%' || ch == '_') out += '!';
    out += ch;
  }
  out += '%';
  return out;
}

}  // namespace

const store::RequestIds& PatientRepository::request_ids() const {
  return RequestIds();
}

absl::StatusOr<PatientRecord> PatientRepository::Load(
    Connection& c, int64_t clinic_id, const std::string& name) const {
  auto found = SelectPatient(c, clinic_id, ParsePatientName(name), false);
  if (!found) return NotFoundError(name);
  return *found;
}

absl::StatusOr<PatientRecord> PatientRepository::Lock(
    Connection& c, int64_t clinic_id, const std::string& id) const {
  auto found = SelectPatient(c, clinic_id, id, /*for_update=*/true);
  if (!found) return NotFoundError(PatientName(id));
  return *found;
}

void PatientRepository::Insert(Connection& c,
                               const PatientRecord& patient) const {
  Update(c,
         "INSERT INTO intake_patients (id, clinic_id, given_name,"
         " family_name, birth_date, sex, phone, email,"
         " assigned_practitioner_id, state, revision, create_time,"
         " update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         patient.id, patient.clinic_id, patient.given_name, patient.family_name,
         DateText(patient.birth_date), static_cast<int>(patient.sex),
         patient.phone, patient.email, patient.assigned_practitioner_id,
         static_cast<int>(patient.state), patient.revision, patient.create_time,
         patient.update_time);
}

void PatientRepository::Write(Connection& c,
                              const PatientRecord& patient) const {
  Update(c,
         "UPDATE intake_patients SET given_name = ?, family_name = ?,"
         " birth_date = ?, sex = ?, phone = ?, email = ?,"
         " assigned_practitioner_id = ?, state = ?, revision = ?,"
         " update_time = ? WHERE clinic_id = ? AND id = ?",
         patient.given_name, patient.family_name, DateText(patient.birth_date),
         static_cast<int>(patient.sex), patient.phone, patient.email,
         patient.assigned_practitioner_id, static_cast<int>(patient.state),
         patient.revision, patient.update_time, patient.clinic_id, patient.id);
}

absl::StatusOr<PatientRecord> PatientRepository::Get(int64_t clinic_id,
                                                     const std::string& id,
                                                     absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<PatientRecord> {
        auto found = SelectPatient(c, clinic_id, id, false);
        if (!found) return NotFoundError(PatientName(id));
        return *found;
      });
}

absl::StatusOr<std::vector<PatientRecord>> PatientRepository::List(
    int64_t clinic_id, const PatientFilter& filter,
    const std::optional<PatientCursor>& cursor, int limit,
    absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<PatientRecord>> {
        // Unused filters are switched off by their "? = ''" guard, so one
        // statement serves every combination of them.
        const std::string sql = absl::StrCat(
            "SELECT ", kColumns,
            " FROM intake_patients WHERE clinic_id = ? AND state = ?"
            " AND (? = '' OR given_name LIKE ? ESCAPE '!'"
            " OR family_name LIKE ? ESCAPE '!')"
            " AND (? = '' OR assigned_practitioner_id = ?)",
            cursor ? " AND (family_name > ? OR (family_name = ? AND"
                     " (given_name > ? OR (given_name = ? AND id > ?))))"
                   : "",
            " ORDER BY family_name, given_name, id LIMIT ?");
        const std::string pattern = ContainsPattern(filter.name_contains);
        const int state = static_cast<int>(filter.state);
        std::unique_ptr<sql::ResultSet> rs;
        if (cursor) {
          rs = Query(c, sql, clinic_id, state, filter.name_contains, pattern,
                     pattern, filter.assigned_practitioner_id,
                     filter.assigned_practitioner_id, cursor->family_name,
                     cursor->family_name, cursor->given_name,
                     cursor->given_name, cursor->id, limit);
        } else {
          rs = Query(c, sql, clinic_id, state, filter.name_contains, pattern,
                     pattern, filter.assigned_practitioner_id,
                     filter.assigned_practitioner_id, limit);
        }
        std::vector<PatientRecord> out;
        while (rs->next()) out.push_back(ReadPatient(*rs));
        return out;
      });
}

absl::StatusOr<std::vector<PatientRecord>> PatientRepository::ListClinic(
    int64_t clinic_id, const std::string& after_id, int limit,
    absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<PatientRecord>> {
        auto rs = Query(c,
                        absl::StrCat("SELECT ", kColumns,
                                     " FROM intake_patients WHERE clinic_id = ?"
                                     " AND id > ? ORDER BY id LIMIT ?"),
                        clinic_id, after_id, limit);
        std::vector<PatientRecord> out;
        while (rs->next()) out.push_back(ReadPatient(*rs));
        return out;
      });
}

}  // namespace corebalance::intake
