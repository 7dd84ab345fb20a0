#ifndef COREBALANCE_SERVICES_INTAKE_RULES_ASSESSMENT_INPUT_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_ASSESSMENT_INPUT_H_

// One intake assessment as it arrives (mirrors the proto message; the handler
// copies fields one to one). Check it with ValidateAssessment before scoring.

#include <optional>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "services/intake/rules/red_flags.h"

namespace corebalance::intake {

enum class AssessmentKind { kInitial, kFollowUp };

// "INITIAL", "FOLLOW_UP".
constexpr std::string_view AssessmentKindName(AssessmentKind kind) {
  return kind == AssessmentKind::kFollowUp ? "FOLLOW_UP" : "INITIAL";
}

struct AssessmentInput {
  AssessmentKind kind = AssessmentKind::kInitial;
  absl::CivilDay assessed_on;  // the clinic's local date of the assessment

  // Pain duration: the onset date, or the duration in whole weeks. An
  // INITIAL assessment needs one of them; when both are given the onset date
  // wins.
  std::optional<absl::CivilDay> pain_onset_date;
  std::optional<int> pain_duration_weeks;

  // NPRS 0..10. Best and worst (over the period the form asks about) are
  // optional.
  int nprs_now = 0;
  std::optional<int> nprs_best;
  std::optional<int> nprs_worst;

  // ODI v2.1a: exactly 10 entries in questionnaire order, nullopt =
  // section left unanswered.
  std::vector<std::optional<int>> odi_sections;

  // STarT Back: exactly 9 codes in Keele order; items 1-8 are 0 (disagree)
  // or 1 (agree), item 9 is a Bothersomeness value 0..4. A FOLLOW_UP may
  // leave it empty (not re-screened).
  std::vector<int> start_back_answers;

  // The red flags present (absent ones are simply not listed).
  std::vector<RedFlag> red_flags;

  // Lifestyle, optional.
  std::optional<double> sedentary_hours_per_day;  // 0..24
  std::optional<int> walking_minutes_per_day;     // 0..1440
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_ASSESSMENT_INPUT_H_
