#include "services/progress/session_checks.h"

#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "services/common/sql_time.h"
#include "services/common/validation.h"

namespace corebalance::progress {
namespace {

constexpr size_t kMaxNotes = 2000;
constexpr size_t kMaxSkipReason = 500;
constexpr int kMaxMinutes = 24 * 60;

void CheckCount(const std::string& field, int value, FieldViolations& out) {
  if (value < 0) out.push_back({field, "must not be negative"});
}

}  // namespace

void CheckScale(const char* field, int value, FieldViolations& out) {
  if (value < 0 || value > 10) {
    out.push_back({field, absl::StrCat("must be 0..10, got ", value)});
  }
}

void CheckSessionFields(const v1::Session& s, absl::Time now,
                        FieldViolations& out) {
  if (!s.has_perform_time()) {
    out.push_back({"session.perform_time", "required"});
  } else if (CheckTimestamp("session.perform_time", s.perform_time(), out) &&
             FromProtoTime(s.perform_time()) > now + kClockSkew) {
    out.push_back({"session.perform_time", "must not be in the future"});
  }
  if (!s.has_worst_pain_during()) {
    out.push_back({"session.worst_pain_during", "required (NPRS 0..10)"});
  } else {
    CheckScale("session.worst_pain_during", s.worst_pain_during(), out);
  }
  if (!s.has_pain_after()) {
    out.push_back({"session.pain_after", "required (NPRS 0..10)"});
  } else {
    CheckScale("session.pain_after", s.pain_after(), out);
  }
  if (s.has_pain_before()) {
    CheckScale("session.pain_before", s.pain_before(), out);
  }
  if (s.has_pain_after_24h()) {
    CheckScale("session.pain_after_24h", s.pain_after_24h(), out);
  }
  if (s.has_rpe()) CheckScale("session.rpe", s.rpe(), out);
  CheckCount("session.walking_minutes", s.walking_minutes(), out);
  if (s.walking_minutes() > kMaxMinutes) {
    out.push_back({"session.walking_minutes", "must be at most 1440"});
  }
  CheckOptionalText("session.notes", s.notes(), kMaxNotes, out);
  std::set<std::string> seen;
  for (int i = 0; i < s.exercises_size(); ++i) {
    const v1::SessionExercise& e = s.exercises(i);
    const std::string at = absl::StrCat("session.exercises[", i, "]");
    const std::string slug = IdFromName(e.exercise(), "exercises");
    if (slug.empty()) {
      out.push_back({at + ".exercise", "must be exercises/{exercise}"});
    } else if (!seen.insert(slug).second) {
      out.push_back({at + ".exercise", "listed twice"});
    }
    CheckCount(at + ".sets", e.sets(), out);
    CheckCount(at + ".reps", e.reps(), out);
    CheckCount(at + ".hold_seconds", e.hold_seconds(), out);
    CheckCount(at + ".duration_minutes", e.duration_minutes(), out);
    if (e.completed() && !e.skip_reason().empty()) {
      out.push_back({at + ".skip_reason", "only for a skipped exercise"});
    }
    CheckOptionalText(at + ".skip_reason", e.skip_reason(), kMaxSkipReason,
                      out);
  }
}

void CheckAgainstPlan(const v1::Session& s, const v1::Plan& plan,
                      FieldViolations& out) {
  if (s.has_perform_time() && plan.has_create_time() &&
      FromProtoTime(s.perform_time()) < FromProtoTime(plan.create_time())) {
    out.push_back(
        {"session.perform_time",
         absl::StrCat("before the plan started (",
                      ToSqlTime(FromProtoTime(plan.create_time())), " UTC)")});
  }
  std::set<std::string> in_plan;
  for (const auto& pe : plan.exercises()) in_plan.insert(pe.exercise());
  for (int i = 0; i < s.exercises_size(); ++i) {
    const std::string& name = s.exercises(i).exercise();
    if (!name.empty() && !in_plan.count(name)) {
      out.push_back({absl::StrCat("session.exercises[", i, "].exercise"),
                     absl::StrCat(name, " is not in revision ", plan.revision(),
                                  " of ", plan.name())});
    }
  }
}

}  // namespace corebalance::progress
