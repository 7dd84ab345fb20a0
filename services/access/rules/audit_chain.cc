#include "services/access/rules/audit_chain.h"

#include "absl/strings/str_cat.h"
#include "services/common/sha256.h"

namespace corebalance::access {

std::string GenesisHash() { return std::string(64, '0'); }

std::string ChainHash(const AuditRow& row) {
  // Length-prefixed fields: no choice of field contents can make two
  // different events serialise the same.
  std::string canonical;
  auto add = [&canonical](absl::string_view field) {
    absl::StrAppend(&canonical, field.size(), ":", field, ";");
  };
  add(row.prev_hash);
  add(absl::StrCat(row.seq));
  add(absl::StrCat(absl::ToUnixMicros(row.event_time)));
  add(row.actor);
  add(absl::StrCat(row.actor_role));
  add(row.action);
  add(row.resource);
  add(row.patient);
  add(absl::StrCat(row.outcome));
  add(row.status_code);
  add(row.request_id);
  add(row.peer);
  // Covered from the outbox on; older events hash as they always did.
  if (!row.source.empty()) {
    add(row.source);
    add(absl::StrCat(row.source_seq));
    add(row.event_id);
  }
  return Sha256Hex(canonical);
}

std::optional<ChainBreak> VerifyChain(const std::vector<AuditRow>& rows,
                                      std::string expected_prev_hash,
                                      int64_t expected_first_seq) {
  int64_t expected_seq = expected_first_seq;
  for (const AuditRow& row : rows) {
    if (row.seq != expected_seq) {
      return ChainBreak{
          row.seq, absl::StrCat("expected event ", expected_seq, ", found ",
                                row.seq, ": events are missing")};
    }
    if (row.prev_hash != expected_prev_hash) {
      return ChainBreak{row.seq, "does not link to the previous event's hash"};
    }
    if (ChainHash(row) != row.hash) {
      return ChainBreak{row.seq, "content does not match its hash (edited)"};
    }
    expected_prev_hash = row.hash;
    ++expected_seq;
  }
  return std::nullopt;
}

}  // namespace corebalance::access
