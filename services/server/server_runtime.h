#ifndef COREBALANCE_SERVICES_SERVER_SERVER_RUNTIME_H_
#define COREBALANCE_SERVICES_SERVER_SERVER_RUNTIME_H_

#include <memory>

#include "absl/status/statusor.h"
#include "services/server/server_config.h"

namespace corebalance::server {

// A running corebalance-server: the gRPC server with the hosted services,
// health, reflection, the database pool and the worker pools.
class ServerRuntime {
 public:
  // Binds the listeners and starts serving. Does not need the database to
  // be up: health reports NOT_SERVING until it is.
  static absl::StatusOr<std::unique_ptr<ServerRuntime>> Start(
      const ServerConfig& config);

  virtual ~ServerRuntime() = default;

  // The bound ports (useful with port 0).
  virtual int port() const = 0;
  virtual int health_port() const = 0;

  // Graceful stop: NOT_SERVING, drain delay, in-flight calls finish within
  // the drain timeout, pools close. Idempotent.
  virtual void Shutdown() = 0;
};

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_SERVER_RUNTIME_H_
