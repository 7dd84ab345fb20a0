#ifndef COREBALANCE_SERVICES_INTAKE_ASSESSMENT_STORE_H_
#define COREBALANCE_SERVICES_INTAKE_ASSESSMENT_STORE_H_

// SQL for assessments. Rows are written once and never changed; every query
// is filtered by the caller's clinic_id.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/intake/records.h"
#include "services/outbox/outbox.h"
#include "services/outbox/outbox_event.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"

namespace corebalance::intake {

class AssessmentStore {
 public:
  // Completes a record inside the submit transaction, given the baseline of a
  // FOLLOW_UP (nullopt for an INITIAL). Must be pure: it may run again after
  // a deadlock.
  using Finish = std::function<absl::Status(
      const std::optional<Baseline>& baseline, AssessmentRecord& record)>;

  AssessmentStore(store::Pool* pool, outbox::Outbox* outbox)
      : pool_(pool), outbox_(outbox) {}

  // In one transaction, with the patient locked so a patient's submissions
  // happen one at a time:
  // - a request id seen before returns the first call's assessment;
  // - the patient must exist (NOT_FOUND) and be active (FAILED_PRECONDITION);
  // - `supersedes_id`, when set, must be an assessment of the same patient
  //   and kind (INVALID_ARGUMENT) not corrected yet (FAILED_PRECONDITION);
  // - a FOLLOW_UP needs an INITIAL assessment dated on or before it that no
  //   other corrects (FAILED_PRECONDITION), the latest such is its baseline;
  // - `finish` completes the record, which is then inserted with `events`
  //   and an "assessment.submitted" event.
  absl::StatusOr<AssessmentRecord> Submit(AssessmentRecord record,
                                          const store::RequestKey& key,
                                          const Finish& finish,
                                          outbox::ChangeEvents& events,
                                          absl::Time deadline);

  // NOT_FOUND unless the clinic's patient has this assessment.
  absl::StatusOr<AssessmentRecord> Get(int64_t clinic_id,
                                       const std::string& patient_id,
                                       const std::string& id,
                                       absl::Time deadline);

  // Up to `limit` assessments of the patient after `cursor`, newest first;
  // KIND_UNSPECIFIED lists every kind. NOT_FOUND when the clinic has no such
  // patient.
  absl::StatusOr<std::vector<AssessmentRecord>> List(
      int64_t clinic_id, const std::string& patient_id,
      v1::Assessment::Kind kind, const std::optional<AssessmentCursor>& cursor,
      int limit, absl::Time deadline);

 private:
  store::Pool* pool_;
  outbox::Outbox* outbox_;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_ASSESSMENT_STORE_H_
