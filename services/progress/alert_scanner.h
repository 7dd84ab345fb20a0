#ifndef COREBALANCE_SERVICES_PROGRESS_ALERT_SCANNER_H_
#define COREBALANCE_SERVICES_PROGRESS_ALERT_SCANNER_H_

// Raises the alerts no request causes: NON_ADHERENCE (nothing logged for
// days) and LOW_ADHERENCE (too few sessions over the last weeks), for every
// ACTIVE plan of every clinic. Every replica may scan at the same time: the
// alert store raises each cause once.

#include <grpcpp/channel.h>

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "corebalance/v1/prescription_internal.grpc.pb.h"
#include "services/progress/repositories/session_repository.h"
#include "services/progress/rules/alerts.h"
#include "services/progress/use_cases/raise_alerts.h"

namespace corebalance::progress {

struct ScanResult {
  int plans = 0;   // ACTIVE plans looked at
  int raised = 0;  // alerts new in this scan
};

class AlertScanner {
 public:
  // `prescription` reaches PrescriptionInternalService with `internal_key`.
  // `on_raised` runs after a scan raised alerts (to wake the watchers).
  AlertScanner(SessionRepository* sessions, RaiseAlerts* raise,
               std::shared_ptr<grpc::Channel> prescription,
               std::string internal_key, AlertPolicy policy,
               std::function<void()> on_raised);
  ~AlertScanner();

  // One pass over every ACTIVE plan, as if the time were `now`. CANCELLED
  // when Stop() is called meanwhile (it returns within one plan's work).
  absl::StatusOr<ScanResult> ScanOnce(absl::Time now);

  // Scans every `interval` (the first time after one interval) on a thread
  // of its own until Stop().
  void Start(absl::Duration interval);
  void Stop();

 private:
  absl::StatusOr<int> ScanPlan(const v1::ActivePlan& plan, absl::Time now,
                               absl::Time deadline);
  void Loop(absl::Duration interval);
  bool stopping();

  SessionRepository* sessions_;
  RaiseAlerts* raise_;
  std::unique_ptr<v1::PrescriptionInternalService::Stub> prescription_;
  const std::string internal_key_;
  const AlertPolicy policy_;
  std::function<void()> on_raised_;

  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_ALERT_SCANNER_H_
