#ifndef COREBALANCE_SERVICES_ACCESS_RULES_AUDIT_CHAIN_H_
#define COREBALANCE_SERVICES_ACCESS_RULES_AUDIT_CHAIN_H_

// The tamper evidence of the audit log, as pure functions: each event's hash
// covers its own fields and the previous event's hash, so editing, deleting
// or reordering any row breaks every hash after it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace corebalance::access {

struct AuditRow {
  int64_t seq = 0;
  absl::Time event_time;
  std::string actor;
  int actor_role = 0;
  std::string action;
  std::string resource;
  std::string patient;
  int outcome = 0;
  std::string status_code;
  std::string request_id;
  std::string peer;
  // The outbox the event came from and its seq there; empty and 0 for
  // events written before the outbox existed.
  std::string source;
  int64_t source_seq = 0;
  std::string event_id;
  std::string prev_hash;
  std::string hash;
};

// The hash of the chain's start, before any event.
std::string GenesisHash();

// SHA-256 (hex) over prev_hash and every field of `row` but `hash` itself.
std::string ChainHash(const AuditRow& row);

struct ChainBreak {
  int64_t seq;
  std::string problem;
};

// Checks rows of one clinic in seq order, starting from the genesis: seqs
// 1, 2, 3... without gaps, each prev_hash equal to the previous hash, each
// hash recomputed equal. Returns the first break, if any.
std::optional<ChainBreak> VerifyChain(const std::vector<AuditRow>& rows,
                                      std::string expected_prev_hash,
                                      int64_t expected_first_seq);

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_RULES_AUDIT_CHAIN_H_
