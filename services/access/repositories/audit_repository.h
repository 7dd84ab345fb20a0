#ifndef COREBALANCE_SERVICES_ACCESS_REPOSITORIES_AUDIT_REPOSITORY_H_
#define COREBALANCE_SERVICES_ACCESS_REPOSITORIES_AUDIT_REPOSITORY_H_

// The append-only, hash-chained audit log (one chain per clinic).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/access/rules/audit_chain.h"
#include "services/store/pool.h"

namespace corebalance::access {

struct AuditFilter {
  std::string patient;
  std::string actor;
  std::optional<absl::Time> start_time;
  std::optional<absl::Time> end_time;
  // Only events with seq below this (paging, newest first).
  std::optional<int64_t> before_seq;
};

struct ChainReport {
  int64_t clinic_id = 0;
  int64_t events = 0;
  std::optional<ChainBreak> first_break;
  // Per source: which source_seqs the chain holds (index = seq).
  std::map<std::string, std::vector<bool>> relayed;
};

// What Append made of each row.
enum class AppendOutcome { kAppended, kDuplicate };

class AuditRepository {
 public:
  explicit AuditRepository(store::Pool* pool) : pool_(pool) {}

  // Appends `rows` (seq, prev_hash and hash are assigned here; event_time
  // too unless set) to the clinic's chain in one transaction; returns the
  // assigned seqs (0 for a duplicate). A row with a source whose source_seq
  // the chain holds already is a duplicate and is not appended again.
  // NOT_FOUND when the clinic has no chain.
  absl::StatusOr<std::vector<int64_t>> Append(int64_t clinic_id,
                                              std::vector<AuditRow> rows,
                                              absl::Time deadline);

  // Newest first.
  absl::StatusOr<std::vector<AuditRow>> List(int64_t clinic_id,
                                             const AuditFilter& filter,
                                             int limit, absl::Time deadline);

  // Re-reads every clinic's chain and checks it, in batches.
  absl::StatusOr<std::vector<ChainReport>> VerifyAll(absl::Time deadline);

 private:
  store::Pool* pool_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_REPOSITORIES_AUDIT_REPOSITORY_H_
