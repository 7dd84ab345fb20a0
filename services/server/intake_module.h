#ifndef COREBALANCE_SERVICES_SERVER_INTAKE_MODULE_H_
#define COREBALANCE_SERVICES_SERVER_INTAKE_MODULE_H_

#include <memory>
#include <string>

#include "services/server/module.h"
#include "services/server/server_config.h"
#include "services/store/pool.h"

namespace corebalance::server {

// IntakeService with its own worker pool. The clinic policy
// (config.policy.intake()) and --clinic-time-zone are checked here: a bad
// one is reported by ConfigStatus() and the server does not start.
std::unique_ptr<Module> MakeIntakeModule(const ServerConfig& config,
                                         store::Pool* pool,
                                         const std::string& internal_key);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_INTAKE_MODULE_H_
