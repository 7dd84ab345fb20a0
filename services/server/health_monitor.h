#ifndef COREBALANCE_SERVICES_SERVER_HEALTH_MONITOR_H_
#define COREBALANCE_SERVICES_SERVER_HEALTH_MONITOR_H_

#include <grpcpp/health_check_service_interface.h>

#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "services/store/pool.h"

namespace corebalance::server {

// Keeps grpc.health.v1 true to the database: every `interval` it pings the
// pool and checks the schema, and sets the overall status ("") and each
// hosted service's to SERVING or NOT_SERVING. The service "liveness" stays
// SERVING while the process runs, for liveness probes that must not restart
// a pod only because its database is away.
class HealthMonitor {
 public:
  using SchemaCheck = std::function<absl::Status()>;

  HealthMonitor(store::Pool* pool, SchemaCheck schema_check,
                std::vector<std::string> services,
                std::vector<grpc::HealthCheckServiceInterface*> health,
                absl::Duration interval);
  ~HealthMonitor();

  // Pools whose idle connections are checked before reuse once a ping
  // failed (the services' own pools). Call before Start.
  void DistrustOnFailure(std::vector<store::Pool*> pools) {
    dependents_ = std::move(pools);
  }
  // One check now, then checks every interval in the background.
  void Start();
  // Stops checking and reports NOT_SERVING everywhere (shutdown).
  void StopAndReportNotServing();

 private:
  void CheckOnce();
  void Report(bool serving);

  store::Pool* pool_;
  std::vector<store::Pool*> dependents_;
  SchemaCheck schema_check_;
  std::vector<std::string> services_;
  std::vector<grpc::HealthCheckServiceInterface*> health_;
  absl::Duration interval_;
  absl::Notification stop_;
  std::thread thread_;
  bool schema_ready_ = false;
  int last_serving_ = -1;
};

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_HEALTH_MONITOR_H_
