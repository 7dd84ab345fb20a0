#ifndef COREBALANCE_SERVICES_INTAKE_RULES_SCORE_ASSESSMENT_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_SCORE_ASSESSMENT_H_

// Everything the server derives from one assessment, in one call.

#include <optional>

#include "absl/status/statusor.h"
#include "services/intake/rules/assessment_input.h"
#include "services/intake/rules/chronicity.h"
#include "services/intake/rules/disposition.h"
#include "services/intake/rules/odi.h"
#include "services/intake/rules/outcome_change.h"
#include "services/intake/rules/scoring_policy.h"
#include "services/intake/rules/start_back.h"
#include "services/intake/rules/starting_plan.h"

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

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_SCORE_ASSESSMENT_H_
