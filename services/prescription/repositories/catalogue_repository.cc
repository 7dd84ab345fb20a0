#include "services/prescription/repositories/catalogue_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/prescription/convert.h"
#include "services/prescription/names.h"
#include "services/prescription/repositories/sql_support.h"
#include "services/store/bind.h"
#include "services/store/run.h"

namespace corebalance::prescription {
namespace {

using store::Connection;
using store::GetOptionalString;
using store::GetString;
using store::GetTime;
using store::Query;
using store::Update;

const std::string& ExerciseColumns() {
  static const std::string* columns = new std::string(absl::StrCat(
      "clinic_id, slug, display_name, level, body_region, equipment,"
      " instructions, ",
      kDoseColumns,
      ", regression_slug, progression_slug, revision, create_time,"
      " update_time"));
  return *columns;
}

constexpr char kTemplateColumns[] =
    "clinic_id, slug, display_name, description, phase, first_week,"
    " last_week, revision, create_time, update_time";

ExerciseRecord ReadExercise(const sql::ResultSet& rs) {
  ExerciseRecord e;
  e.clinic_id = rs.getInt64("clinic_id");
  e.slug = GetString(rs, "slug");
  e.display_name = GetString(rs, "display_name");
  e.level = static_cast<v1::Exercise::Level>(rs.getInt("level"));
  e.body_region = GetString(rs, "body_region");
  e.equipment =
      absl::StrSplit(GetString(rs, "equipment"), ',', absl::SkipEmpty());
  e.instructions = GetString(rs, "instructions");
  e.default_dose = ReadDose(rs);
  e.regression_slug = GetOptionalString(rs, "regression_slug").value_or("");
  e.progression_slug = GetOptionalString(rs, "progression_slug").value_or("");
  e.revision = rs.getInt("revision");
  e.create_time = GetTime(rs, "create_time");
  e.update_time = GetTime(rs, "update_time");
  return e;
}

TemplateRecord ReadTemplate(const sql::ResultSet& rs) {
  TemplateRecord t;
  t.clinic_id = rs.getInt64("clinic_id");
  t.slug = GetString(rs, "slug");
  t.display_name = GetString(rs, "display_name");
  t.description = GetString(rs, "description");
  t.phase = rs.getInt("phase");
  t.first_week = rs.getInt("first_week");
  t.last_week = rs.getInt("last_week");
  t.revision = rs.getInt("revision");
  t.create_time = GetTime(rs, "create_time");
  t.update_time = GetTime(rs, "update_time");
  return t;
}

std::optional<std::string> Nullable(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// The exercise `slug` as `clinic_id` sees it: its own before a global one.
std::optional<ExerciseRecord> SelectExercise(Connection& c, int64_t clinic_id,
                                             const std::string& slug) {
  auto rs = Query(c,
                  absl::StrCat("SELECT ", ExerciseColumns(),
                               " FROM prescription_exercises"
                               " WHERE slug = ? AND clinic_id IN (0, ?)"
                               " ORDER BY clinic_id DESC LIMIT 1"),
                  slug, clinic_id);
  if (!rs->next()) return std::nullopt;
  return ReadExercise(*rs);
}

void LoadTemplateExercises(Connection& c, TemplateRecord& t) {
  auto rs = Query(c,
                  absl::StrCat("SELECT exercise_slug, ", kDoseColumns,
                               " FROM prescription_template_exercises"
                               " WHERE clinic_id = ? AND template_slug = ?"
                               " ORDER BY position"),
                  t.clinic_id, t.slug);
  t.exercises.clear();
  while (rs->next()) {
    t.exercises.push_back({GetString(*rs, "exercise_slug"), ReadDose(*rs)});
  }
}

std::optional<TemplateRecord> SelectTemplate(Connection& c, int64_t clinic_id,
                                             const std::string& slug) {
  std::optional<TemplateRecord> found;
  {
    auto rs = Query(c,
                    absl::StrCat("SELECT ", kTemplateColumns,
                                 " FROM prescription_plan_templates"
                                 " WHERE slug = ? AND clinic_id IN (0, ?)"
                                 " ORDER BY clinic_id DESC LIMIT 1"),
                    slug, clinic_id);
    if (!rs->next()) return std::nullopt;
    found = ReadTemplate(*rs);
  }
  LoadTemplateExercises(c, *found);
  return found;
}

void InsertTemplateExercises(Connection& c, const TemplateRecord& t) {
  for (size_t i = 0; i < t.exercises.size(); ++i) {
    const Dose& d = t.exercises[i].dose;
    Update(c,
           absl::StrCat("INSERT INTO prescription_template_exercises"
                        " (clinic_id, template_slug, position, exercise_slug, ",
                        kDoseColumns,
                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
           t.clinic_id, t.slug, static_cast<int>(i + 1),
           t.exercises[i].exercise_slug, d.sets, d.reps, d.hold_seconds,
           d.rest_seconds, d.duration_minutes, d.frequency_per_week,
           d.per_side);
  }
}

// ALREADY_EXISTS unless `table` has no row `slug` the clinic can see.
absl::Status CheckSlugFree(Connection& c, const char* table, int64_t clinic_id,
                           const std::string& slug, const std::string& name) {
  auto rs = Query(c,
                  absl::StrCat("SELECT clinic_id FROM ", table,
                               " WHERE slug = ? AND clinic_id IN (0, ?)"),
                  slug, clinic_id);
  if (!rs->next()) return absl::OkStatus();
  return WithReason(absl::AlreadyExistsError(absl::StrCat(
                        name, " already exists",
                        rs->getInt64("clinic_id") == kGlobalClinic
                            ? " in the shared catalogue; choose another id"
                            : "; choose another id")),
                    reason::kAlreadyExists);
}

}  // namespace

absl::StatusOr<ExerciseRecord> CatalogueRepository::GetExercise(
    int64_t clinic_id, const std::string& slug, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<ExerciseRecord> {
        auto found = SelectExercise(c, clinic_id, slug);
        if (!found) return NotFoundError(ExerciseName(slug));
        return *found;
      });
}

absl::StatusOr<std::vector<ExerciseRecord>> CatalogueRepository::ListExercises(
    int64_t clinic_id, const ExerciseFilter& filter,
    const std::optional<PageCursor>& cursor, int limit, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<ExerciseRecord>> {
        // One statement for every filter combination: an unused filter's
        // parameter makes its condition true.
        const std::string sql = absl::StrCat(
            "SELECT ", ExerciseColumns(),
            " FROM prescription_exercises WHERE clinic_id IN (0, ?)"
            " AND (? = 0 OR level = ? OR level = ?)"
            " AND LOCATE(?, body_region) > 0"
            " AND (? = '' OR FIND_IN_SET(?, equipment) > 0)"
            " AND (? = 0 OR slug > ? OR (slug = ? AND clinic_id > ?))"
            " ORDER BY slug, clinic_id LIMIT ?");
        const int level = static_cast<int>(filter.level);
        const std::string after_slug = cursor ? cursor->last_id : "";
        const int64_t after_clinic = cursor ? cursor->last_key : 0;
        auto rs =
            Query(c, sql, clinic_id, level, level,
                  static_cast<int>(v1::Exercise::LEVEL_ALL), filter.body_region,
                  filter.equipment, filter.equipment, cursor ? 1 : 0,
                  after_slug, after_slug, after_clinic, limit);
        std::vector<ExerciseRecord> out;
        while (rs->next()) out.push_back(ReadExercise(*rs));
        return out;
      });
}

absl::StatusOr<std::map<std::string, Dose>> CatalogueRepository::DefaultDoses(
    int64_t clinic_id, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::map<std::string, Dose>> {
        auto rs = Query(c,
                        absl::StrCat("SELECT slug, ", kDoseColumns,
                                     " FROM prescription_exercises"
                                     " WHERE clinic_id IN (0, ?)"
                                     " ORDER BY clinic_id"),
                        clinic_id);
        std::map<std::string, Dose> out;
        // Ordered by clinic_id: a clinic's own row wins over a global one.
        while (rs->next()) out[GetString(*rs, "slug")] = ReadDose(*rs);
        return out;
      });
}

const store::RequestIds& CatalogueRepository::request_ids() const {
  return RequestIds();
}

std::optional<ExerciseRecord> CatalogueRepository::FindExercise(
    Connection& c, int64_t clinic_id, const std::string& slug) const {
  return SelectExercise(c, clinic_id, slug);
}

absl::Status CatalogueRepository::InsertExercise(
    Connection& c, const ExerciseRecord& e) const {
  CB_RETURN_IF_ERROR(CheckSlugFree(c, "prescription_exercises", e.clinic_id,
                                   e.slug, ExerciseName(e.slug)));
  const Dose& d = e.default_dose;
  Update(c,
         absl::StrCat("INSERT INTO prescription_exercises (clinic_id,"
                      " slug, display_name, level, body_region,"
                      " equipment, instructions, ",
                      kDoseColumns,
                      ", regression_slug, progression_slug, revision,"
                      " create_time, update_time) VALUES (?, ?, ?, ?, ?,"
                      " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
         e.clinic_id, e.slug, e.display_name, static_cast<int>(e.level),
         e.body_region, absl::StrJoin(e.equipment, ","), e.instructions, d.sets,
         d.reps, d.hold_seconds, d.rest_seconds, d.duration_minutes,
         d.frequency_per_week, d.per_side, Nullable(e.regression_slug),
         Nullable(e.progression_slug), e.revision, e.create_time,
         e.update_time);
  return absl::OkStatus();
}

absl::StatusOr<ExerciseRecord> CatalogueRepository::UpdateExercise(
    Connection& c, const ExerciseRecord& e, int expected_revision) const {
  const Dose& d = e.default_dose;
  const int changed = Update(
      c,
      "UPDATE prescription_exercises SET display_name = ?, level = ?,"
      " body_region = ?, equipment = ?, instructions = ?, sets = ?,"
      " reps = ?, hold_seconds = ?, rest_seconds = ?,"
      " duration_minutes = ?, frequency_per_week = ?, per_side = ?,"
      " regression_slug = ?, progression_slug = ?,"
      " revision = revision + 1, update_time = ?"
      " WHERE clinic_id = ? AND slug = ? AND revision = ?",
      e.display_name, static_cast<int>(e.level), e.body_region,
      absl::StrJoin(e.equipment, ","), e.instructions, d.sets, d.reps,
      d.hold_seconds, d.rest_seconds, d.duration_minutes, d.frequency_per_week,
      d.per_side, Nullable(e.regression_slug), Nullable(e.progression_slug),
      e.update_time, e.clinic_id, e.slug, expected_revision);
  if (changed == 0) return EtagMismatchError(ExerciseName(e.slug));
  auto found = SelectExercise(c, e.clinic_id, e.slug);
  if (!found) return NotFoundError(ExerciseName(e.slug));
  return *found;
}

absl::StatusOr<TemplateRecord> CatalogueRepository::GetTemplate(
    int64_t clinic_id, const std::string& slug, absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline, [&](Connection& c) -> absl::StatusOr<TemplateRecord> {
        auto found = SelectTemplate(c, clinic_id, slug);
        if (!found) return NotFoundError(TemplateName(slug));
        return *found;
      });
}

absl::StatusOr<std::vector<TemplateRecord>> CatalogueRepository::ListTemplates(
    int64_t clinic_id, const std::optional<PageCursor>& cursor, int limit,
    absl::Time deadline) {
  return store::WithConnection(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<TemplateRecord>> {
        std::vector<TemplateRecord> out;
        {
          auto rs =
              Query(c,
                    absl::StrCat("SELECT ", kTemplateColumns,
                                 " FROM prescription_plan_templates"
                                 " WHERE clinic_id IN (0, ?)"
                                 " AND (? = 0 OR phase > ? OR (phase = ? AND"
                                 " slug > ?)) ORDER BY phase, slug LIMIT ?"),
                    clinic_id, cursor ? 1 : 0, cursor ? cursor->last_key : 0,
                    cursor ? cursor->last_key : 0,
                    cursor ? cursor->last_id : "", limit);
          while (rs->next()) out.push_back(ReadTemplate(*rs));
        }
        for (auto& t : out) LoadTemplateExercises(c, t);
        return out;
      });
}

std::optional<TemplateRecord> CatalogueRepository::FindTemplate(
    Connection& c, int64_t clinic_id, const std::string& slug) const {
  return SelectTemplate(c, clinic_id, slug);
}

absl::Status CatalogueRepository::InsertTemplate(
    Connection& c, const TemplateRecord& t) const {
  CB_RETURN_IF_ERROR(CheckSlugFree(c, "prescription_plan_templates",
                                   t.clinic_id, t.slug, TemplateName(t.slug)));
  Update(c,
         "INSERT INTO prescription_plan_templates (clinic_id, slug,"
         " display_name, description, phase, first_week, last_week,"
         " revision, create_time, update_time)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         t.clinic_id, t.slug, t.display_name, t.description, t.phase,
         t.first_week, t.last_week, t.revision, t.create_time, t.update_time);
  InsertTemplateExercises(c, t);
  return absl::OkStatus();
}

absl::StatusOr<TemplateRecord> CatalogueRepository::UpdateTemplate(
    Connection& c, const TemplateRecord& t, int expected_revision) const {
  const int changed =
      Update(c,
             "UPDATE prescription_plan_templates SET display_name = ?,"
             " description = ?, phase = ?, first_week = ?, last_week = ?,"
             " revision = revision + 1, update_time = ?"
             " WHERE clinic_id = ? AND slug = ? AND revision = ?",
             t.display_name, t.description, t.phase, t.first_week, t.last_week,
             t.update_time, t.clinic_id, t.slug, expected_revision);
  if (changed == 0) return EtagMismatchError(TemplateName(t.slug));
  Update(c,
         "DELETE FROM prescription_template_exercises"
         " WHERE clinic_id = ? AND template_slug = ?",
         t.clinic_id, t.slug);
  InsertTemplateExercises(c, t);
  auto found = SelectTemplate(c, t.clinic_id, t.slug);
  if (!found) return NotFoundError(TemplateName(t.slug));
  return *found;
}

}  // namespace corebalance::prescription
