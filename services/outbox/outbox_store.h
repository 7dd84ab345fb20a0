#ifndef COREBALANCE_SERVICES_OUTBOX_OUTBOX_STORE_H_
#define COREBALANCE_SERVICES_OUTBOX_OUTBOX_STORE_H_

// A service's outbox: <service>_outbox holds the audit and domain events its
// transactions wrote, <service>_outbox_heads the last sequence number per
// clinic and stream. The relay (relay.h) moves audit rows into the audit
// log and deletes them; domain rows stay for subscribers until pruned.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/outbox/outbox_event.h"
#include "services/store/connection.h"
#include "services/store/pool.h"

namespace corebalance::outbox {

// An audit row not yet in the audit log.
struct PendingAudit {
  int64_t id = 0;
  std::string event_id;
  int64_t clinic_id = 0;
  int64_t seq = 0;
  absl::Time create_time;
  v1::AuditEvent event;
};

// For `audit verify`: a clinic's last audit seq, and its rows still here.
struct AuditHead {
  int64_t clinic_id = 0;
  int64_t last_seq = 0;
};
struct UnrelayedAudit {
  int64_t seq = 0;
  absl::Time create_time;
  // Set when the relay set the row aside (the log refused it).
  std::optional<std::string> set_aside_reason;
};

// A clinic's last domain event sequence number.
struct DomainHead {
  int64_t clinic_id = 0;
  int64_t last_seq = 0;
};

class OutboxStore {
 public:
  // `service` is a constant of the owning service ("intake"), never input.
  explicit OutboxStore(std::string service);

  const std::string& service() const { return service_; }

  // Inside the caller's transaction: the audit event, then (unless `replay`)
  // the domain events, with ids and sequence numbers assigned. Call it last
  // in the transaction: it locks the clinic's head rows until commit.
  void Append(store::Connection& c, ChangeEvents& events, bool replay) const;
  // Domain events of one clinic inside the caller's transaction (changes
  // no call made, e.g. alerts the scanner raises).
  void AppendDomain(store::Connection& c, int64_t clinic_id,
                    std::vector<v1::DomainEvent>& events) const;
  // Audit events of one clinic inside the caller's transaction.
  void AppendAudit(store::Connection& c, int64_t clinic_id,
                   std::vector<v1::AuditEvent> events) const;
  // The same in a transaction of its own (disclosures, refusals).
  absl::Status AppendAuditNow(store::Pool& pool, absl::Time deadline,
                              int64_t clinic_id,
                              std::vector<v1::AuditEvent> events) const;

  // The oldest `limit` audit rows waiting for the relay, in commit order.
  absl::StatusOr<std::vector<PendingAudit>> Pending(store::Pool& pool,
                                                    absl::Time deadline,
                                                    int limit) const;
  // Deletes relayed rows.
  absl::Status Remove(store::Pool& pool, absl::Time deadline,
                      const std::vector<int64_t>& ids) const;
  // Keeps a row the log refused out of the relay's way, with the reason.
  absl::Status SetAside(store::Pool& pool, absl::Time deadline, int64_t id,
                        const std::string& reason) const;
  // When the oldest row waiting for the relay was written (none: nullopt).
  absl::StatusOr<std::optional<absl::Time>> OldestPending(
      store::Pool& pool, absl::Time deadline) const;
  // Deletes up to `limit` domain events written before `before`; returns
  // how many went.
  absl::StatusOr<int> PruneDomain(store::Pool& pool, absl::Time deadline,
                                  absl::Time before, int limit) const;

  // The event feed (event_feed.h): up to `limit` clinics after
  // `after_clinic`, in clinic order, with their last domain seq.
  absl::StatusOr<std::vector<DomainHead>> DomainHeads(store::Pool& pool,
                                                      absl::Time deadline,
                                                      int64_t after_clinic,
                                                      int limit) const;
  // Up to `limit` domain events of the clinic after `after_seq`, in seq
  // order (source_seq filled in), and the clinic's last seq.
  absl::StatusOr<std::pair<std::vector<v1::DomainEvent>, int64_t>>
  DomainEventsAfter(store::Pool& pool, absl::Time deadline, int64_t clinic_id,
                    int64_t after_seq, int limit) const;

  // For `audit verify`. False when the service's tables do not exist (its
  // target was never migrated in this database).
  bool Exists(store::Connection& c) const;
  std::vector<AuditHead> AuditHeads(store::Connection& c) const;
  std::vector<UnrelayedAudit> Unrelayed(store::Connection& c,
                                        int64_t clinic_id) const;

 private:
  struct Row {
    std::string event_id;
    std::string type;
    std::string patient;
    std::string payload;  // serialized proto
  };
  // Writes `rows` as the clinic's next seqs of `stream`.
  void Insert(store::Connection& c, int64_t clinic_id, Stream stream,
              const std::vector<Row>& rows, absl::Time now) const;

  const std::string service_;
  const std::string table_;
  const std::string heads_;
};

// A new event id: 32 random hexadecimal characters.
std::string NewEventId();

}  // namespace corebalance::outbox

#endif  // COREBALANCE_SERVICES_OUTBOX_OUTBOX_STORE_H_
