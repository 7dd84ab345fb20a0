#ifndef COREBALANCE_SERVICES_OUTBOX_OUTBOX_EVENT_H_
#define COREBALANCE_SERVICES_OUTBOX_OUTBOX_EVENT_H_

// What a service writes to its outbox: the audit events of its calls and the
// domain events of its changes, in the same transaction as the change.

#include <cstdint>
#include <string>
#include <vector>

#include "corebalance/v1/access.pb.h"
#include "corebalance/v1/events.pb.h"

namespace corebalance::outbox {

// An outbox row keeps one stream's order: each has its own sequence numbers
// per service and clinic (1, 2, 3... without gaps).
enum class Stream : int { kAudit = 1, kDomain = 2 };

// A domain event of `type` about `resource`, with `data` as it is after the
// change.
v1::DomainEvent DomainEventOf(const std::string& type,
                              const std::string& resource,
                              const std::string& patient, int64_t revision,
                              const google::protobuf::Message& data);

// The audit event and domain events one call commits with its change.
// The call's service kit fills `audit`; the use case adds `domain` events
// and commits them with the change (see transactions.h).
struct ChangeEvents {
  int64_t clinic_id = 0;
  // The call's audit event with outcome SUCCESS.
  v1::AuditEvent audit;
  // More audit events the change commits (e.g. a REFER override), and its
  // domain events; neither is written for an idempotent replay. The use
  // case adds domain events inside its transaction.
  std::vector<v1::AuditEvent> extra_audit;
  std::vector<v1::DomainEvent> domain;
  // Set once a transaction carrying `audit` committed: the kit then writes
  // no event of its own for the call.
  bool committed = false;
  // Set inside the transaction when the call changed
  // nothing (an idempotent replay): the domain events are not written.
  bool replay = false;

  // Adds a domain event of `type` about `resource`, with `data` as it is
  // after the change.
  void Add(const std::string& type, const std::string& resource,
           const std::string& patient, int64_t revision,
           const google::protobuf::Message& data);
};

}  // namespace corebalance::outbox

#endif  // COREBALANCE_SERVICES_OUTBOX_OUTBOX_EVENT_H_
