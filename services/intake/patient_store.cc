#include "services/intake/patient_store.h"

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/sql_time.h"
#include "services/intake/convert.h"
#include "services/intake/names.h"
#include "services/intake/sql_support.h"
#include "services/outbox/change.h"
#include "services/store/bind.h"
#include "services/store/run.h"

namespace corebalance::intake {
namespace {

using store::Connection;
using store::GetString;
using store::GetTime;
using store::Query;
using store::Update;

constexpr char kCreateMethod[] = "CreatePatient";
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

bool SameContent(const PatientRecord& a, const PatientRecord& b) {
  return a.given_name == b.given_name && a.family_name == b.family_name &&
         a.birth_date == b.birth_date && a.sex == b.sex && a.phone == b.phone &&
         a.email == b.email &&
         a.assigned_practitioner_id == b.assigned_practitioner_id &&
         a.state == b.state;
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

absl::StatusOr<PatientRecord> PatientStore::Create(const PatientRecord& patient,
                                                   const store::RequestKey& key,
                                                   outbox::ChangeEvents& events,
                                                   absl::Time deadline) {
  const int64_t clinic = patient.clinic_id;
  return outbox::CreateOnce<PatientRecord>(
      *pool_, deadline, outbox_->store(), events, RequestIds(), key,
      [&](Connection& c) -> absl::StatusOr<PatientRecord> {
        Update(c,
               "INSERT INTO intake_patients (id, clinic_id, given_name,"
               " family_name, birth_date, sex, phone, email,"
               " assigned_practitioner_id, state, revision, create_time,"
               " update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               patient.id, clinic, patient.given_name, patient.family_name,
               DateText(patient.birth_date), static_cast<int>(patient.sex),
               patient.phone, patient.email, patient.assigned_practitioner_id,
               static_cast<int>(patient.state), patient.revision,
               patient.create_time, patient.update_time);
        events.Add("patient.created", PatientName(patient.id),
                   PatientName(patient.id), patient.revision, ToProto(patient));
        return patient;
      },
      [](const PatientRecord& p) { return PatientName(p.id); },
      [&](Connection& c,
          const std::string& name) -> absl::StatusOr<PatientRecord> {
        auto found = SelectPatient(c, clinic, ParsePatientName(name), false);
        if (!found) return NotFoundError(name);
        return *found;
      });
}

absl::StatusOr<PatientRecord> PatientStore::Get(int64_t clinic_id,
                                                const std::string& id,
                                                absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<PatientRecord> {
        auto found = SelectPatient(c, clinic_id, id, false);
        if (!found) return NotFoundError("patients/" + id);
        return *found;
      });
}

absl::StatusOr<std::vector<PatientRecord>> PatientStore::List(
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

absl::StatusOr<PatientRecord> PatientStore::Modify(
    int64_t clinic_id, const std::string& id,
    std::optional<int64_t> expected_revision,
    const std::function<absl::Status(PatientRecord&)>& change,
    const char* event_type, outbox::ChangeEvents& events, absl::Time deadline) {
  return outbox::WithChange(
      *pool_, deadline, outbox_->store(), events,
      [&](Connection& c) -> absl::StatusOr<PatientRecord> {
        const std::string name = "patients/" + id;
        std::optional<PatientRecord> current =
            SelectPatient(c, clinic_id, id, /*for_update=*/true);
        if (!current) return NotFoundError(name);
        if (expected_revision && *expected_revision != current->revision) {
          return EtagMismatchError(name);
        }
        PatientRecord next = *current;
        if (absl::Status s = change(next); !s.ok()) return s;
        if (SameContent(next, *current)) {
          events.replay = true;
          return *current;
        }
        next.revision = current->revision + 1;
        next.update_time = std::max(NowMicros(), current->update_time);
        Update(c,
               "UPDATE intake_patients SET given_name = ?, family_name = ?,"
               " birth_date = ?, sex = ?, phone = ?, email = ?,"
               " assigned_practitioner_id = ?, state = ?, revision = ?,"
               " update_time = ? WHERE clinic_id = ? AND id = ?",
               next.given_name, next.family_name, DateText(next.birth_date),
               static_cast<int>(next.sex), next.phone, next.email,
               next.assigned_practitioner_id, static_cast<int>(next.state),
               next.revision, next.update_time, clinic_id, id);
        events.Add(event_type, name, name, next.revision, ToProto(next));
        return next;
      });
}

}  // namespace corebalance::intake
