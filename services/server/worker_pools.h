#ifndef COREBALANCE_SERVICES_SERVER_WORKER_POOLS_H_
#define COREBALANCE_SERVICES_SERVER_WORKER_POOLS_H_

#include <memory>
#include <string>

#include "services/common/service_kit.h"
#include "services/common/worker_pool.h"
#include "services/server/server_config.h"

namespace corebalance::server {

// A worker pool sized from the config whose threads set up the MySQL
// driver's per-thread state.
std::unique_ptr<WorkerPool> MakeWorkerPool(const std::string& name,
                                           const ServerConfig& config);

ServiceKit::Options KitOptions(const ServerConfig& config);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_WORKER_POOLS_H_
