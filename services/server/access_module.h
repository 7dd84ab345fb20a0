#ifndef COREBALANCE_SERVICES_SERVER_ACCESS_MODULE_H_
#define COREBALANCE_SERVICES_SERVER_ACCESS_MODULE_H_

#include <memory>

#include "services/server/module.h"
#include "services/server/server_config.h"
#include "services/store/pool.h"

namespace corebalance::server {

// AccessService and AccessInternalService, each with its own worker pool so
// that token checks made by busy services never wait behind them.
std::unique_ptr<Module> MakeAccessModule(const ServerConfig& config,
                                         store::Pool* pool,
                                         const std::string& internal_key);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_ACCESS_MODULE_H_
