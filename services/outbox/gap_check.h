#ifndef COREBALANCE_SERVICES_OUTBOX_GAP_CHECK_H_
#define COREBALANCE_SERVICES_OUTBOX_GAP_CHECK_H_

// `audit verify`'s second half, as a pure function: every audit event a
// service's outbox numbered for a clinic (1..last_seq) must be in the
// clinic's chain, or still in the outbox waiting for the relay. A number in
// neither was deleted before it was relayed.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "services/outbox/outbox_store.h"

namespace corebalance::outbox {

struct SourceState {
  int64_t last_seq = 0;
  std::vector<UnrelayedAudit> unrelayed;
};

struct GapProblem {
  int64_t seq = 0;
  std::string text;
};

struct GapReport {
  // At most kMaxNamed named; a last one counts the rest.
  std::vector<GapProblem> problems;
  // Age of the oldest event still waiting.
  absl::Duration lag;
};

inline constexpr int kMaxNamed = 20;

// `relayed[seq]` is true when the chain holds the service's event `seq`.
// Waiting rows older than `grace` are problems: never relayed.
GapReport FindGaps(const std::string& service, int64_t last_seq,
                   const std::vector<bool>& relayed,
                   const std::vector<UnrelayedAudit>& unrelayed, absl::Time now,
                   absl::Duration grace);

}  // namespace corebalance::outbox

#endif  // COREBALANCE_SERVICES_OUTBOX_GAP_CHECK_H_
