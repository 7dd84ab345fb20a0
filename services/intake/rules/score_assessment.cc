#include "services/intake/rules/score_assessment.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/intake/rules/validate_assessment.h"

namespace corebalance::intake {

absl::StatusOr<AssessmentScores> ScoreAssessment(const AssessmentInput& input,
                                                 const ScoringPolicy& policy) {
  const std::vector<FieldViolation> violations = ValidateAssessment(input);
  if (!violations.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(
        violations, "; ", [](std::string* out, const FieldViolation& v) {
          absl::StrAppend(out, v.field, ": ", v.description);
        }));
  }

  AssessmentScores scores;
  scores.chronicity = DeriveChronicity(input.assessed_on, input.pain_onset_date,
                                       input.pain_duration_weeks, policy);
  scores.odi = ScoreOdi(input.odi_sections, policy.min_odi_sections);
  if (!input.start_back_answers.empty()) {
    scores.start_back =
        ScoreStartBack(StartBackAnswersFromCodes(input.start_back_answers));
  }
  scores.disposition = DecideDisposition(input.red_flags, scores.start_back);
  scores.starting_plan =
      RecommendStartingPlan(scores.odi, scores.start_back, policy);
  scores.measures = {input.nprs_now, scores.odi.percent};
  return scores;
}

}  // namespace corebalance::intake
