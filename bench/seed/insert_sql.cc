#include "bench/seed/insert_sql.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "services/common/sql_time.h"

namespace corebalance::bench {
namespace {

constexpr char kSessionColumns[] =
    "INSERT INTO progress_sessions (id, clinic_id, patient_id, plan_id,"
    " plan_revision, performed_at, walking_minutes, pain_before,"
    " worst_pain_during, pain_after, pain_after_24h, rpe, leg_pain_or_neuro,"
    " notes, assessment_nprs, traffic_light, logged_by, revision, create_time,"
    " update_time) VALUES ";
constexpr char kExerciseColumns[] =
    "INSERT INTO progress_session_exercises (session_id, position,"
    " exercise_slug, completed, skip_reason, sets, reps, hold_seconds,"
    " duration_minutes) VALUES ";

std::string Optional(const std::optional<int>& v) {
  return v ? absl::StrCat(*v) : "NULL";
}

std::string Time(absl::Time t) { return SqlString(ToSqlTime(t)); }

void AppendSession(const progress::StoredSession& s, std::string& out) {
  absl::StrAppend(&out, "(", SqlString(s.id), ",", s.clinic_id, ",",
                  SqlString(s.patient_id), ",", SqlString(s.plan_id), ",",
                  s.plan_revision, ",", Time(s.performed_at), ",",
                  s.walking_minutes, ",", Optional(s.pain_before), ",",
                  s.worst_pain_during, ",", s.pain_after, ",");
  absl::StrAppend(&out, Optional(s.pain_after_24h), ",", Optional(s.rpe), ",",
                  s.leg_pain_or_neuro ? 1 : 0, ",", SqlString(s.notes), ",",
                  Optional(s.assessment_nprs), ",", s.traffic_light, ",",
                  SqlString(s.logged_by), ",", s.revision, ",",
                  Time(s.create_time), ",", Time(s.update_time), ")");
}

void AppendExercise(const progress::StoredSession& s, size_t i,
                    std::string& out) {
  const progress::StoredExercise& e = s.exercises[i];
  absl::StrAppend(&out, "(", SqlString(s.id), ",", i + 1, ",",
                  SqlString(e.slug), ",", e.completed ? 1 : 0, ",",
                  SqlString(e.skip_reason), ",", e.sets, ",", e.reps, ",",
                  e.hold_seconds, ",", e.duration_minutes, ")");
}

// Starts a new statement every `per` rows.
class Statements {
 public:
  Statements(const char* head, int per) : head_(head), per_(per) {}
  std::string& Row() {
    if (rows_ % per_ == 0) {
      out_.push_back(head_);
    } else {
      out_.back() += ",";
    }
    ++rows_;
    return out_.back();
  }
  std::vector<std::string> Take() { return std::move(out_); }

 private:
  const char* head_;
  const int per_;
  int rows_ = 0;
  std::vector<std::string> out_;
};

}  // namespace

std::string SqlString(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

std::vector<std::string> SessionInserts(
    const std::vector<const progress::StoredSession*>& sessions,
    int rows_per_statement) {
  Statements statements(kSessionColumns, rows_per_statement);
  for (const progress::StoredSession* s : sessions) {
    AppendSession(*s, statements.Row());
  }
  return statements.Take();
}

std::vector<std::string> ExerciseInserts(
    const std::vector<const progress::StoredSession*>& sessions,
    int rows_per_statement) {
  Statements statements(kExerciseColumns, rows_per_statement);
  for (const progress::StoredSession* s : sessions) {
    for (size_t i = 0; i < s->exercises.size(); ++i) {
      AppendExercise(*s, i, statements.Row());
    }
  }
  return statements.Take();
}

}  // namespace corebalance::bench
