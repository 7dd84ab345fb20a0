#ifndef COREBALANCE_SERVICES_SERVER_PROGRESS_MODULE_H_
#define COREBALANCE_SERVICES_SERVER_PROGRESS_MODULE_H_

#include <memory>
#include <string>

#include "services/server/module.h"
#include "services/server/server_config.h"
#include "services/store/pool.h"

namespace corebalance::server {

// ProgressService with its own worker pool; it reads plans through
// PrescriptionService's and assessments through IntakeService's gRPC APIs.
// The progress policy (config.policy.progress()) is checked here: a bad one
// is reported by ConfigStatus() and the server does not start.
std::unique_ptr<Module> MakeProgressModule(const ServerConfig& config,
                                           store::Pool* pool,
                                           const std::string& internal_key);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_PROGRESS_MODULE_H_
