#ifndef COREBALANCE_SERVICES_INTAKE_RULES_VALIDATE_ASSESSMENT_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_VALIDATE_ASSESSMENT_H_

// Every problem of an AssessmentInput at once, named by proto field path
// ("assessment.odi_sections[3]"), for a google.rpc.BadRequest.
//
// Decisions beyond the reference:
// - nprs_best > nprs_worst is rejected (on assessment.nprs_best): both
//   cannot be true, and the clinician can fix a swapped entry on the spot,
//   whereas a stored contradiction could never be resolved later. NPRS now
//   outside best..worst is allowed (the form's periods may differ).
// - An INITIAL assessment needs pain_onset_date or pain_duration_weeks (the
//   reference derives chronicity from one of them); a FOLLOW_UP need not.
// - start_back_answers may be empty only on a FOLLOW_UP.
// - Unknown red flag values are rejected (assessment.red_flags[i]).

#include <vector>

#include "services/common/field_violation.h"
#include "services/intake/rules/assessment_input.h"

namespace corebalance::intake {

// Empty when the input is valid. Order follows the fields of the input.
std::vector<FieldViolation> ValidateAssessment(const AssessmentInput& input);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_VALIDATE_ASSESSMENT_H_
