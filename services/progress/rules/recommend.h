#ifndef COREBALANCE_SERVICES_PROGRESS_RULES_RECOMMEND_H_
#define COREBALANCE_SERVICES_PROGRESS_RULES_RECOMMEND_H_

// What the practitioner should do next with a patient's program: REFER,
// REGRESS, PROGRESS or HOLD, first match wins, with reasons in words.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "services/progress/rules/adherence.h"
#include "services/progress/rules/session_record.h"
#include "services/progress/rules/trend.h"

namespace corebalance::progress {

enum class RecommendationKind { kProgress, kHold, kRegress, kRefer };

// "PROGRESS", "HOLD", "REGRESS", "REFER".
std::string_view RecommendationKindName(RecommendationKind kind);

// The latest assessment's disposition; kUnknown when there is none.
enum class AssessmentDisposition { kUnknown, kProceed, kRefer };

// What the rules need from the exercise catalogue, keyed by slug.
struct CatalogueEntry {
  std::string name = {};
  std::string regression_slug = {};   // empty: none in the catalogue
  std::string progression_slug = {};  // empty: none in the catalogue
};
using ExerciseDirectory = std::map<std::string, CatalogueEntry, std::less<>>;

struct PhaseRef {
  std::string slug = {};
  std::string display_name = {};
};

// Clinic defaults of the clinical reference's recommendation rules.
struct RecommendationPolicy {
  int regress_red_sessions_at_least = 2;
  int red_window_days = 7;
  // Average pain before exercise over `recent_days` >= initial NPRS now +
  // `worsening_points`.
  TrendPolicy worsening = {};
  int progress_min_days_on_revision = 14;
  int progress_window_days = 14;
  int progress_min_adherence_percent = 80;
  int progress_min_completion_percent = 90;
};

struct RecommendationInput {
  AssessmentDisposition latest_disposition = AssessmentDisposition::kUnknown;
  // The INITIAL assessment's NPRS now (the baseline worsening compares to).
  std::optional<int> initial_nprs_now = {};
  // The patient's sessions, any order; those after `now` are ignored.
  std::vector<SessionRecord> sessions = {};
  // When the plan was ACTIVE and at what frequency (its prescription).
  std::vector<ActivePeriod> active_periods = {};
  int days_on_current_revision = 0;
  // Slugs of the current revision's exercises, for PROGRESS without a next
  // phase.
  std::vector<std::string> current_exercises = {};
  // The template phase after the current one, if the plan follows one.
  std::optional<PhaseRef> next_phase = {};
  absl::Time now = {};
};

// One exercise to change. `to_slug` empty: the catalogue has no easier
// (harder) exercise, so change the dose instead.
struct ExerciseStep {
  std::string slug = {};
  std::string name = {};
  std::string to_slug = {};
  std::string to_name = {};
};

struct Recommendation {
  RecommendationKind kind = RecommendationKind::kHold;
  // For the practitioner, e.g. "3 RED sessions in the last 7 days: regress
  // Bird dog to Cat-camel" or "adherence 64 % over 14 days (progress needs
  // 80 %)".
  std::vector<std::string> reasons = {};
  // REGRESS: exercises done in the RED sessions of the window (or, when
  // only the pain trend triggered, those done in the window; or else the
  // current exercises). PROGRESS without a next phase: each current
  // exercise and its progression.
  std::vector<ExerciseStep> steps = {};
  // PROGRESS: the next phase, when there is one.
  std::optional<PhaseRef> next_phase = {};
};

// Windows are whole UTC days ending today (see days.h):
//  1. REFER: the latest disposition is REFER.
//  2. REGRESS: >= 2 RED sessions in the last 7 days, or the average pain
//     before exercise over the last 7 days >= initial NPRS now + 2.
//  3. PROGRESS: >= 14 days on the current revision, adherence >= 80 % over
//     the last 14 days, every session of those 14 days GREEN (and at least
//     one), and >= 90 % of the exercises of those sessions done (done /
//     (done + skipped)).
//  4. HOLD: otherwise, each unmet PROGRESS condition as a reason.
Recommendation Recommend(const RecommendationInput& input,
                         const ExerciseDirectory& directory,
                         const RecommendationPolicy& policy = {});

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_RULES_RECOMMEND_H_
