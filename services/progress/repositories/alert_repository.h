#ifndef COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_ALERT_REPOSITORY_H_
#define COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_ALERT_REPOSITORY_H_

// All SQL of the alerts. Every query is filtered by clinic_id.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/store/connection.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"

namespace corebalance::progress {

struct StoredAlert {
  int64_t seq = 0;
  std::string id;
  int64_t clinic_id = 0;
  std::string patient_id;
  int kind = 0;  // corebalance.v1.Alert.Kind
  std::string cause_key;
  std::string message;
  int state = 1;  // corebalance.v1.Alert.State
  absl::Time create_time;
  std::optional<absl::Time> acknowledge_time;
  std::string acknowledged_by;
  std::string acknowledge_note;
};

struct AlertQuery {
  int64_t clinic_id = 0;
  std::string patient_id;  // empty: every patient of the clinic
  int kind = 0;            // 0: any
  int state = 0;           // 0: any
  int64_t before_seq = 0;  // keyset: only seq < this when > 0
  int limit = 50;
};

class AlertRepository {
 public:
  explicit AlertRepository(store::Pool* pool) : pool_(pool) {}

  // Writes, on the caller's transaction `c`:

  // The clinic's alert row, held to commit, so that a clinic's alerts
  // commit (and become visible) in seq order.
  void LockClinic(store::Connection& c, int64_t clinic_id) const;
  // Inserts `alert` unless its (clinic, patient, kind, cause) is known;
  // true when it was new.
  bool InsertIfNew(store::Connection& c, const StoredAlert& alert) const;
  // OPEN -> ACKNOWLEDGED; the alert as it is then, or nullopt when it is
  // not OPEN (any more).
  std::optional<StoredAlert> MarkAcknowledged(
      store::Connection& c, int64_t clinic_id, const std::string& id,
      const std::string& by, const std::string& note, absl::Time at) const;

  // Reads, each on a connection of its own:

  // The alerts of `alerts` whose cause is not known yet (most re-raise a
  // known cause: a RED session stays RED).
  absl::StatusOr<std::vector<StoredAlert>> WithoutKnownCauses(
      const std::vector<StoredAlert>& alerts, absl::Time deadline);

  // The clinic's alerts raised after `after_seq`, oldest first; only the
  // patient's when `patient_id` is set, only `kind` when not 0.
  absl::StatusOr<std::vector<StoredAlert>> ListRaisedAfter(
      int64_t clinic_id, const std::string& patient_id, int kind,
      int64_t after_seq, int limit, absl::Time deadline);

  // The seq of the clinic's latest alert, 0 when it has none.
  absl::StatusOr<int64_t> LastSeq(int64_t clinic_id, absl::Time deadline);

  absl::StatusOr<std::vector<StoredAlert>> List(const AlertQuery& query,
                                                absl::Time deadline);

  absl::StatusOr<std::optional<StoredAlert>> Get(int64_t clinic_id,
                                                 const std::string& patient_id,
                                                 const std::string& id,
                                                 absl::Time deadline);

 private:
  store::Pool* pool_;
};
}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_ALERT_REPOSITORY_H_
