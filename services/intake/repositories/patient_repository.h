#ifndef COREBALANCE_SERVICES_INTAKE_REPOSITORIES_PATIENT_REPOSITORY_H_
#define COREBALANCE_SERVICES_INTAKE_REPOSITORIES_PATIENT_REPOSITORY_H_

// SQL for patients. Every query is filtered by the caller's clinic_id, so
// another clinic's patient is simply not found.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/intake/records.h"
#include "services/store/connection.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"

namespace corebalance::intake {

class PatientRepository {
 public:
  explicit PatientRepository(store::Pool* pool) : pool_(pool) {}

  // Writes, on the caller's transaction `c`:

  // intake_request_ids (AIP-155).
  const store::RequestIds& request_ids() const;
  // The patient "patients/{id}"; NOT_FOUND when the clinic has none such.
  absl::StatusOr<PatientRecord> Load(store::Connection& c, int64_t clinic_id,
                                     const std::string& name) const;
  // The patient `id`, locked until the transaction ends, so that a
  // patient's changes and submissions happen one at a time. NOT_FOUND when
  // the clinic has no such patient.
  absl::StatusOr<PatientRecord> Lock(store::Connection& c, int64_t clinic_id,
                                     const std::string& id) const;
  void Insert(store::Connection& c, const PatientRecord& patient) const;
  // Stores `patient` over the row with its clinic and id.
  void Write(store::Connection& c, const PatientRecord& patient) const;

  // Reads, each on a connection of its own:

  // NOT_FOUND when the clinic has no such patient.
  absl::StatusOr<PatientRecord> Get(int64_t clinic_id, const std::string& id,
                                    absl::Time deadline);

  // Up to `limit` patients after `cursor`, ordered by family name, given
  // name, then id.
  absl::StatusOr<std::vector<PatientRecord>> List(
      int64_t clinic_id, const PatientFilter& filter,
      const std::optional<PatientCursor>& cursor, int limit,
      absl::Time deadline);
  // Up to `limit` patients of the clinic with id > `after_id`, in id order:
  // the snapshot other services copy from.
  absl::StatusOr<std::vector<PatientRecord>> ListClinic(
      int64_t clinic_id, const std::string& after_id, int limit,
      absl::Time deadline);

 private:
  store::Pool* pool_;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_REPOSITORIES_PATIENT_REPOSITORY_H_
