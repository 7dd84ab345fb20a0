#ifndef COREBALANCE_BENCH_SEED_API_SEEDER_H_
#define COREBALANCE_BENCH_SEED_API_SEEDER_H_

// Patients, their INITIAL assessments and plans through the real gRPC API,
// so they are exactly what the server accepts and stores, with many calls in
// flight. Each finished patient is appended to the seed file.

#include <grpcpp/channel.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "bench/seed/seed_plan.h"
#include "bench/seed/seed_writer.h"
#include "services/store/mysql_config.h"

namespace corebalance::bench {

struct ApiSeederOptions {
  std::string token;
  int concurrency = 16;
  // For moving plans back to when their sessions start (backdate.h).
  store::MysqlConfig mysql;
  int64_t clinic_id = 0;
  // Who the API says the token is (sessions are logged by them).
  std::string principal;
};

// Makes `missing[group]` patients of each group; stops at the first failure
// and returns it, naming the step.
absl::Status SeedPatientsThroughApi(
    const std::vector<std::shared_ptr<grpc::Channel>>& channels,
    const std::vector<GroupSpec>& groups,
    const std::map<std::string, int>& missing, const ApiSeederOptions& options,
    SeedWriter& out);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_SEED_API_SEEDER_H_
