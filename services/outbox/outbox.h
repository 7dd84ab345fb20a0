#ifndef COREBALANCE_SERVICES_OUTBOX_OUTBOX_H_
#define COREBALANCE_SERVICES_OUTBOX_OUTBOX_H_

// A hosted service's outbox as its calls see it: the table, the service's
// own connection pool, group commit for events written on their own, and a
// bell that wakes the relay after a commit.

#include <functional>
#include <utility>

#include "services/outbox/audit_batcher.h"
#include "services/outbox/outbox_store.h"
#include "services/store/pool.h"

namespace corebalance::outbox {

class Outbox {
 public:
  Outbox(std::string service, store::Pool* pool)
      : store_(std::move(service)), pool_(pool), batcher_(&store_, pool) {}

  const OutboxStore& store() const { return store_; }
  store::Pool& pool() const { return *pool_; }

  // Audit events that commit on their own (reads, refusals), group-committed
  // with other callers' (audit_batcher.h).
  absl::Status WriteAudit(int64_t clinic_id, std::vector<v1::AuditEvent> events,
                          absl::Time deadline) {
    return batcher_.Write(clinic_id, std::move(events), deadline);
  }

  // The relay sets this; writers ring it after their commit.
  void SetBell(std::function<void()> bell) { bell_ = std::move(bell); }
  void Ring() const {
    if (bell_) bell_();
  }

 private:
  const OutboxStore store_;
  store::Pool* pool_;
  AuditBatcher batcher_;
  std::function<void()> bell_;
};

}  // namespace corebalance::outbox

#endif  // COREBALANCE_SERVICES_OUTBOX_OUTBOX_H_
