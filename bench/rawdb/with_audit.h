#ifndef COREBALANCE_BENCH_RAWDB_WITH_AUDIT_H_
#define COREBALANCE_BENCH_RAWDB_WITH_AUDIT_H_

// An operation followed by the audit event a read commits before it answers
// (OutboxStore::AppendAuditNow on the service's outbox: the clinic's head
// row locked, one outbox row, commit), as ServiceKit writes it.

#include <memory>
#include <string>

#include "bench/rawdb/raw_operation.h"
#include "services/store/pool.h"

namespace corebalance::bench {

// `service` owns the outbox ("intake"); `action` is the RPC's full name, as
// the audit event records it.
std::unique_ptr<RawOperation> WithAudit(std::unique_ptr<RawOperation> inner,
                                        store::Pool* pool, int64_t clinic_id,
                                        std::string service,
                                        std::string action);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_RAWDB_WITH_AUDIT_H_
