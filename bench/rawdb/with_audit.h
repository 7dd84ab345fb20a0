#ifndef COREBALANCE_BENCH_RAWDB_WITH_AUDIT_H_
#define COREBALANCE_BENCH_RAWDB_WITH_AUDIT_H_

// An operation followed by the audit append every audited RPC makes
// (AuditStore::Append: the clinic chain's head locked FOR UPDATE, one event,
// the head moved, commit), to show what the audit costs the database.

#include <memory>
#include <string>

#include "bench/rawdb/raw_operation.h"
#include "services/store/pool.h"

namespace corebalance::bench {

// `action` is the RPC's full name, as the audit event records it.
std::unique_ptr<RawOperation> WithAudit(std::unique_ptr<RawOperation> inner,
                                        store::Pool* pool, int64_t clinic_id,
                                        std::string action);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_RAWDB_WITH_AUDIT_H_
