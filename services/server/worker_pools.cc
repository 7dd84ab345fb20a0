#include "services/server/worker_pools.h"

#include "services/store/driver.h"

namespace corebalance::server {

std::unique_ptr<WorkerPool> MakeWorkerPool(const std::string& name,
                                           const ServerConfig& config) {
  WorkerPool::Hooks hooks;
  hooks.on_thread_start = [] { store::DriverThreadInit(); };
  hooks.on_thread_exit = [] { store::DriverThreadEnd(); };
  return std::make_unique<WorkerPool>(name, config.workers,
                                      config.max_queued_calls, hooks);
}

ServiceKit::Options KitOptions(const ServerConfig& config) {
  ServiceKit::Options options;
  options.max_deadline = config.max_call_deadline;
  return options;
}

}  // namespace corebalance::server
