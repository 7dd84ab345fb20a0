#ifndef COREBALANCE_SERVICES_INTAKE_PATIENT_STORE_H_
#define COREBALANCE_SERVICES_INTAKE_PATIENT_STORE_H_

// SQL for patients. Every query is filtered by the caller's clinic_id, so
// another clinic's patient is simply not found.

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

class PatientStore {
 public:
  PatientStore(store::Pool* pool, outbox::Outbox* outbox)
      : pool_(pool), outbox_(outbox) {}

  // Inserts `patient` with `events` (and a "patient.created" event). With a
  // request id, a retry (even a concurrent one) returns the first call's
  // patient and inserts nothing.
  absl::StatusOr<PatientRecord> Create(const PatientRecord& patient,
                                       const store::RequestKey& key,
                                       outbox::ChangeEvents& events,
                                       absl::Time deadline);

  // NOT_FOUND when the clinic has no such patient.
  absl::StatusOr<PatientRecord> Get(int64_t clinic_id, const std::string& id,
                                    absl::Time deadline);

  // Up to `limit` patients after `cursor`, ordered by family name, given
  // name, then id.
  absl::StatusOr<std::vector<PatientRecord>> List(
      int64_t clinic_id, const PatientFilter& filter,
      const std::optional<PatientCursor>& cursor, int limit,
      absl::Time deadline);

  // Locks the patient, checks `expected_revision` (when given; ABORTED when
  // stale), lets `change` edit the record, and writes it with the revision
  // and update time bumped, all in one transaction. `change` must be pure: it
  // may run again after a deadlock. A change that leaves the record as it
  // was writes nothing but the audit event; else `events` get an
  // `event_type` domain event.
  absl::StatusOr<PatientRecord> Modify(
      int64_t clinic_id, const std::string& id,
      std::optional<int64_t> expected_revision,
      const std::function<absl::Status(PatientRecord&)>& change,
      const char* event_type, outbox::ChangeEvents& events,
      absl::Time deadline);

 private:
  store::Pool* pool_;
  outbox::Outbox* outbox_;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_PATIENT_STORE_H_
