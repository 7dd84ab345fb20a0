#ifndef COREBALANCE_SERVICES_OUTBOX_AUDIT_BATCHER_H_
#define COREBALANCE_SERVICES_OUTBOX_AUDIT_BATCHER_H_

// Group commit for the audit events that commit on their own (a read's
// disclosure, a refusal): events queued while one write is in flight go
// together in the next one, a single transaction for all their clinics, so a
// busy service commits many events per transaction instead of one each and
// its reads do not queue one by one on a clinic's outbox head row. Every
// caller still waits until its own events are committed.
//
// One bad batch fails no innocent caller: when a batch fails for any reason
// but a transient one (IsTransientFailure), each caller's events are written
// on their own.

#include <deque>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/outbox/outbox_store.h"
#include "services/store/pool.h"

namespace corebalance::outbox {

class AuditBatcher {
 public:
  AuditBatcher(const OutboxStore* store, store::Pool* pool)
      : store_(store), pool_(pool) {}

  // Returns once `events` are committed to the outbox, or why not.
  absl::Status Write(int64_t clinic_id, std::vector<v1::AuditEvent> events,
                     absl::Time deadline);

 private:
  struct Pending {
    int64_t clinic_id;
    std::vector<v1::AuditEvent> events;
    absl::Time deadline;
    bool done = false;
    absl::Status status;
  };

  // Commits `batch` in one transaction.
  absl::Status Send(const std::vector<Pending*>& batch);

  const OutboxStore* store_;
  store::Pool* pool_;
  absl::Mutex mu_;
  std::deque<Pending*> queued_ ABSL_GUARDED_BY(mu_);
  bool sending_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace corebalance::outbox

#endif  // COREBALANCE_SERVICES_OUTBOX_AUDIT_BATCHER_H_
