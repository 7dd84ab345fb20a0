#ifndef COREBALANCE_BENCH_RAWDB_RAW_GET_PATIENT_H_
#define COREBALANCE_BENCH_RAWDB_RAW_GET_PATIENT_H_

// The durable work of IntakeService.GetPatient: PatientRepository::Get (one
// SELECT), then its disclosure event committed to intake's outbox before the
// answer leaves (OutboxStore::AppendAuditNow: the clinic's head row, one
// outbox row, commit), as ServiceKit writes it.

#include <memory>
#include <vector>

#include "bench/common/seed_file.h"
#include "bench/rawdb/raw_operation.h"
#include "services/store/pool.h"

namespace corebalance::bench {

std::unique_ptr<RawOperation> NewRawGetPatient(
    store::Pool* pool, int64_t clinic_id, std::vector<SeedPatient> patients);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_RAWDB_RAW_GET_PATIENT_H_
