#ifndef COREBALANCE_SERVICES_INTAKE_SCORING_SCORE_ASSESSMENT_H_
#define COREBALANCE_SERVICES_INTAKE_SCORING_SCORE_ASSESSMENT_H_

// Everything the server derives from one assessment, in one call.

#include <optional>

#include "absl/status/statusor.h"
#include "services/intake/scoring/assessment_input.h"
#include "services/intake/scoring/chronicity.h"
#include "services/intake/scoring/disposition.h"
#include "services/intake/scoring/odi.h"
#include "services/intake/scoring/outcome_change.h"
#include "services/intake/scoring/scoring_policy.h"
#include "services/intake/scoring/start_back.h"
#include "services/intake/scoring/starting_plan.h"

namespace corebalance::intake {

struct AssessmentScores {
  std::optional<Chronicity> chronicity;  // nullopt: no duration given
  OdiScore odi;
  std::optional<StartBackScore> start_back;  // nullopt: not administered
  DispositionResult disposition;
  StartingPlan starting_plan;

  // What a later comparison (ComputeOutcomeChange) needs of this one.
  OutcomeMeasures measures;
};

// INVALID_ARGUMENT when ValidateAssessment finds anything (message:
// "field: description; ..."); a handler wanting per-field details calls
// ValidateAssessment itself first.
absl::StatusOr<AssessmentScores> ScoreAssessment(const AssessmentInput& input,
                                                 const ScoringPolicy& policy);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_SCORING_SCORE_ASSESSMENT_H_
