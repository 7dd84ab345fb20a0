#include "services/server/health_monitor.h"

#include "absl/time/clock.h"
#include "services/common/internal_detail.h"
#include "services/common/logging.h"

namespace corebalance::server {

HealthMonitor::HealthMonitor(
    store::Pool* pool, SchemaCheck schema_check,
    std::vector<std::string> services,
    std::vector<grpc::HealthCheckServiceInterface*> health,
    absl::Duration interval)
    : pool_(pool),
      schema_check_(std::move(schema_check)),
      services_(std::move(services)),
      health_(std::move(health)),
      interval_(interval) {}

HealthMonitor::~HealthMonitor() {
  if (!stop_.HasBeenNotified()) stop_.Notify();
  if (thread_.joinable()) thread_.join();
}

void HealthMonitor::Start() {
  for (auto* h : health_) h->SetServingStatus("liveness", true);
  CheckOnce();
  thread_ = std::thread([this] {
    while (!stop_.WaitForNotificationWithTimeout(interval_)) CheckOnce();
  });
}

void HealthMonitor::StopAndReportNotServing() {
  if (!stop_.HasBeenNotified()) stop_.Notify();
  if (thread_.joinable()) thread_.join();
  Report(false);
  for (auto* h : health_) h->SetServingStatus("liveness", false);
}

void HealthMonitor::CheckOnce() {
  const absl::Time deadline =
      absl::Now() + std::min(interval_, absl::Seconds(2));
  absl::Status status = pool_->Ping(deadline);
  // Every connection busy means the database is up and working hard.
  if (absl::IsResourceExhausted(status)) status = absl::OkStatus();
  if (status.ok() && !schema_ready_) {
    // Until migrations have run, the tables are missing: not ready.
    status = schema_check_();
    schema_ready_ = status.ok();
  }
  const bool serving = status.ok();
  if (!serving) {
    for (store::Pool* p : dependents_) p->DistrustIdle();
  }
  if (static_cast<int>(serving) != last_serving_) {
    if (serving) {
      log::Info("health", {{"status", "SERVING"}});
    } else {
      log::Warn("health", {{"status", "NOT_SERVING"},
                           {"reason", MessageAndDetail(status)}});
    }
    last_serving_ = serving;
  }
  Report(serving);
}

void HealthMonitor::Report(bool serving) {
  for (auto* h : health_) {
    h->SetServingStatus("", serving);
    for (const auto& service : services_) h->SetServingStatus(service, serving);
  }
}

}  // namespace corebalance::server
