#ifndef COREBALANCE_SERVICES_INTAKE_USE_CASES_SUBMIT_ASSESSMENT_H_
#define COREBALANCE_SERVICES_INTAKE_USE_CASES_SUBMIT_ASSESSMENT_H_

// SubmitAssessment: scores an assessment and records it, once. In one
// transaction, with the patient locked so that a patient's submissions
// happen one at a time:
// - a request id seen before returns the first call's assessment;
// - the patient must exist (NOT_FOUND) and be active (FAILED_PRECONDITION);
// - the assessment it supersedes, if any, must be the same patient's, of
//   the same kind (INVALID_ARGUMENT) and not corrected yet
//   (FAILED_PRECONDITION);
// - a FOLLOW_UP needs an INITIAL assessment dated on or before it that no
//   other corrects (FAILED_PRECONDITION): the latest such is its baseline,
//   and its result says how much the patient changed since;
// then the assessment is inserted with an "assessment.submitted" event.

#include <string>

#include "absl/status/statusor.h"
#include "corebalance/v1/intake.pb.h"
#include "services/common/caller.h"
#include "services/intake/assessment_convert.h"
#include "services/intake/records.h"
#include "services/intake/repositories/assessment_repository.h"
#include "services/intake/repositories/patient_repository.h"
#include "services/intake/rules/scoring_policy.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/store/request_ids.h"

namespace corebalance::intake {

struct SubmitAssessmentInput {
  std::string patient_id;
  // As the client sent it: stored and returned with the server's fields
  // set.
  v1::Assessment assessment;
  // What ReadSubmittedAssessment read of it, checked.
  SubmittedAssessment submitted;
  store::RequestKey request_key;
};

class SubmitAssessment {
 public:
  SubmitAssessment(outbox::Transactions* tx, PatientRepository* patients,
                   AssessmentRepository* assessments, ScoringPolicy policy)
      : tx_(tx),
        patients_(patients),
        assessments_(assessments),
        policy_(policy) {}

  // The assessment recorded (its body is the resource as returned).
  absl::StatusOr<AssessmentRecord> Run(const Caller& caller,
                                       const SubmitAssessmentInput& input,
                                       outbox::ChangeEvents& events);

 private:
  // The checks on `record.supersedes_id` listed at the top.
  absl::Status CheckSupersedes(store::Connection& c,
                               const AssessmentRecord& record) const;

  outbox::Transactions* tx_;
  PatientRepository* patients_;
  AssessmentRepository* assessments_;
  const ScoringPolicy policy_;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_USE_CASES_SUBMIT_ASSESSMENT_H_
