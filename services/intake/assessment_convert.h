#ifndef COREBALANCE_SERVICES_INTAKE_ASSESSMENT_CONVERT_H_
#define COREBALANCE_SERVICES_INTAKE_ASSESSMENT_CONVERT_H_

// A submitted v1::Assessment as scoring input, and the scores as the
// v1::AssessmentResult the server returns.

#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "corebalance/v1/intake.pb.h"
#include "services/common/field_violation.h"
#include "services/intake/rules/assessment_input.h"
#include "services/intake/rules/outcome_change.h"
#include "services/intake/rules/red_flags.h"
#include "services/intake/rules/score_assessment.h"

namespace corebalance::intake {

struct SubmittedAssessment {
  AssessmentInput input;
  std::string supersedes_id;  // empty: corrects nothing
};

// Reads and checks everything of `assessment` a client sets, for the patient
// `patient_id`: appends one violation per problem ("assessment.nprs_now",
// "assessment.red_flags[2]"...), those of ValidateAssessment included. The
// assessment date defaults to `today` and may not be after it.
SubmittedAssessment ReadSubmittedAssessment(const v1::Assessment& assessment,
                                            const std::string& patient_id,
                                            absl::CivilDay today,
                                            FieldViolations& out);

// The proto's red flags are 1-based (0 is UNSPECIFIED); the scoring's are
// 0-based. nullopt for UNSPECIFIED and unknown values.
std::optional<RedFlag> RedFlagFromProto(int value);
v1::RedFlag RedFlagToProto(RedFlag flag);

v1::AssessmentResult ResultToProto(const AssessmentScores& scores);
v1::OutcomeChange ChangeToProto(const OutcomeChange& change,
                                const std::string& initial_assessment_name);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_ASSESSMENT_CONVERT_H_
