#include "services/intake/repositories/assessment_repository.h"

#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/status_macros.h"
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
    "id, clinic_id, patient_id, kind, assessment_date, supersedes_id,"
    " nprs_now, odi_percent, disposition, submitted_by, create_time, body";

// Reading a body we wrote cannot fail unless the row was edited by hand.
absl::StatusOr<AssessmentRecord> ReadAssessment(const sql::ResultSet& rs) {
  AssessmentRecord a;
  a.id = GetString(rs, "id");
  a.clinic_id = rs.getInt64("clinic_id");
  a.patient_id = GetString(rs, "patient_id");
  a.kind = static_cast<v1::Assessment::Kind>(rs.getInt("kind"));
  a.assessment_date = GetDate(rs, "assessment_date");
  a.supersedes_id = store::GetOptionalString(rs, "supersedes_id").value_or("");
  a.nprs_now = rs.getInt("nprs_now");
  if (!rs.isNull("odi_percent")) a.odi_percent = rs.getDouble("odi_percent");
  a.disposition =
      static_cast<v1::AssessmentResult::Disposition>(rs.getInt("disposition"));
  a.submitted_by = GetString(rs, "submitted_by");
  a.create_time = GetTime(rs, "create_time");
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;  // rows written by a newer version
  auto parsed = google::protobuf::util::JsonStringToMessage(
      GetString(rs, "body"), &a.body, options);
  if (!parsed.ok()) {
    return absl::InternalError(absl::StrCat(
        "assessment ", a.id,
        ": stored body does not parse: ", std::string(parsed.message())));
  }
  return a;
}

absl::StatusOr<std::vector<AssessmentRecord>> ReadAll(sql::ResultSet& rs) {
  std::vector<AssessmentRecord> out;
  while (rs.next()) {
    auto a = ReadAssessment(rs);
    if (!a.ok()) return a.status();
    out.push_back(*std::move(a));
  }
  return out;
}

absl::StatusOr<std::optional<AssessmentRecord>> SelectAssessment(
    Connection& c, int64_t clinic_id, const std::string& patient_id,
    const std::string& id) {
  auto rs = Query(c,
                  absl::StrCat("SELECT ", kColumns,
                               " FROM intake_assessments WHERE clinic_id = ?"
                               " AND patient_id = ? AND id = ?"),
                  clinic_id, patient_id, id);
  if (!rs->next()) return std::nullopt;
  auto a = ReadAssessment(*rs);
  if (!a.ok()) return a.status();
  return *std::move(a);
}

}  // namespace

const store::RequestIds& AssessmentRepository::request_ids() const {
  return RequestIds();
}

absl::StatusOr<AssessmentRecord> AssessmentRepository::Load(
    Connection& c, int64_t clinic_id, const std::string& name) const {
  auto id = ParseAssessmentName(name);
  if (!id) return NotFoundError(name);
  CB_ASSIGN_OR_RETURN(
      std::optional<AssessmentRecord> found,
      SelectAssessment(c, clinic_id, id->patient_id, id->assessment_id));
  if (!found) return NotFoundError(name);
  return *std::move(found);
}

std::optional<v1::Assessment::Kind> AssessmentRepository::KindOf(
    Connection& c, int64_t clinic_id, const std::string& patient_id,
    const std::string& id) const {
  auto rs = Query(c,
                  "SELECT kind FROM intake_assessments WHERE clinic_id = ?"
                  " AND patient_id = ? AND id = ?",
                  clinic_id, patient_id, id);
  if (!rs->next()) return std::nullopt;
  return static_cast<v1::Assessment::Kind>(rs->getInt("kind"));
}

std::optional<std::string> AssessmentRepository::CorrectedBy(
    Connection& c, const std::string& id) const {
  auto rs =
      Query(c, "SELECT id FROM intake_assessments WHERE supersedes_id = ?", id);
  if (!rs->next()) return std::nullopt;
  return GetString(*rs, "id");
}

std::optional<Baseline> AssessmentRepository::FindBaseline(
    Connection& c, int64_t clinic_id, const std::string& patient_id,
    absl::CivilDay date) const {
  auto rs = Query(
      c,
      "SELECT a.id, a.nprs_now, a.odi_percent FROM intake_assessments a"
      " WHERE a.clinic_id = ? AND a.patient_id = ? AND a.kind = ?"
      " AND a.assessment_date <= ? AND NOT EXISTS (SELECT 1 FROM"
      " intake_assessments b WHERE b.supersedes_id = a.id)"
      " ORDER BY a.assessment_date DESC, a.create_time DESC, a.id DESC LIMIT 1",
      clinic_id, patient_id, static_cast<int>(v1::Assessment::KIND_INITIAL),
      DateText(date));
  if (!rs->next()) return std::nullopt;
  Baseline b;
  b.assessment_id = GetString(*rs, "id");
  b.nprs_now = rs->getInt("nprs_now");
  if (!rs->isNull("odi_percent")) b.odi_percent = rs->getDouble("odi_percent");
  return b;
}

absl::Status AssessmentRepository::Insert(
    Connection& c, const AssessmentRecord& assessment) const {
  std::string body;
  auto printed =
      google::protobuf::util::MessageToJsonString(assessment.body, &body);
  if (!printed.ok()) {
    return absl::InternalError(
        absl::StrCat("assessment body: ", std::string(printed.message())));
  }
  Update(c,
         "INSERT INTO intake_assessments (id, clinic_id, patient_id,"
         " kind, assessment_date, supersedes_id, nprs_now, odi_percent,"
         " disposition, submitted_by, create_time, body)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         assessment.id, assessment.clinic_id, assessment.patient_id,
         static_cast<int>(assessment.kind),
         DateText(assessment.assessment_date),
         assessment.supersedes_id.empty()
             ? std::nullopt
             : std::optional<std::string>(assessment.supersedes_id),
         assessment.nprs_now, assessment.odi_percent,
         static_cast<int>(assessment.disposition), assessment.submitted_by,
         assessment.create_time, body);
  return absl::OkStatus();
}

absl::StatusOr<AssessmentRecord> AssessmentRepository::Get(
    int64_t clinic_id, const std::string& patient_id, const std::string& id,
    absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<AssessmentRecord> {
        auto found = SelectAssessment(c, clinic_id, patient_id, id);
        if (!found.ok()) return found.status();
        if (!*found) return NotFoundError(AssessmentName(patient_id, id));
        return **found;
      });
}

absl::StatusOr<std::vector<AssessmentRecord>> AssessmentRepository::List(
    int64_t clinic_id, const std::string& patient_id, v1::Assessment::Kind kind,
    const std::optional<AssessmentCursor>& cursor, int limit,
    absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<AssessmentRecord>> {
        {
          auto rs = Query(c,
                          "SELECT 1 FROM intake_patients"
                          " WHERE clinic_id = ? AND id = ?",
                          clinic_id, patient_id);
          if (!rs->next()) return NotFoundError(PatientName(patient_id));
        }
        const std::string sql = absl::StrCat(
            "SELECT ", kColumns,
            " FROM intake_assessments WHERE clinic_id = ? AND patient_id = ?"
            " AND (? = 0 OR kind = ?)",
            cursor ? " AND (assessment_date < ? OR (assessment_date = ? AND"
                     " (create_time < ? OR (create_time = ? AND id < ?))))"
                   : "",
            " ORDER BY assessment_date DESC, create_time DESC, id DESC"
            " LIMIT ?");
        const int k = static_cast<int>(kind);
        std::unique_ptr<sql::ResultSet> rs;
        if (cursor) {
          const std::string day = DateText(cursor->assessment_date);
          rs = Query(c, sql, clinic_id, patient_id, k, k, day, day,
                     cursor->create_time, cursor->create_time, cursor->id,
                     limit);
        } else {
          rs = Query(c, sql, clinic_id, patient_id, k, k, limit);
        }
        return ReadAll(*rs);
      });
}

absl::StatusOr<std::vector<AssessmentRecord>> AssessmentRepository::ListClinic(
    int64_t clinic_id, const std::string& after_id, int limit,
    absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<AssessmentRecord>> {
        auto rs = Query(c,
                        absl::StrCat("SELECT ", kColumns,
                                     " FROM intake_assessments"
                                     " WHERE clinic_id = ? AND id > ?"
                                     " ORDER BY id LIMIT ?"),
                        clinic_id, after_id, limit);
        return ReadAll(*rs);
      });
}

}  // namespace corebalance::intake
