#ifndef COREBALANCE_SERVICES_PROGRESS_ALERT_SCANNER_H_
#define COREBALANCE_SERVICES_PROGRESS_ALERT_SCANNER_H_

// Raises the alerts no request causes: NON_ADHERENCE (nothing logged for
// days) and LOW_ADHERENCE (too few sessions over the last weeks). A scan
// visits only the ACTIVE plans that are due (progress_adherence_due), reads
// them from progress's copy, raises what is due and sets each plan's next
// time. Replicas scan at once and share the due plans: each batch is
// claimed with SKIP LOCKED under a lease, and the alert store raises each
// cause once anyway.

#include <functional>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/progress/repositories/adherence_due_repository.h"
#include "services/progress/repositories/copy_repository.h"
#include "services/progress/repositories/session_repository.h"
#include "services/progress/rules/alerts.h"
#include "services/progress/use_cases/raise_alerts.h"

namespace corebalance::progress {

struct ScanResult {
  int plans = 0;   // due plans looked at
  int raised = 0;  // alerts new in this scan
};

class AlertScanner {
 public:
  // `on_raised` runs after a scan raised alerts (to wake the watchers).
  AlertScanner(CopyRepository* copy, SessionRepository* sessions,
               AdherenceDueRepository* due, RaiseAlerts* raise,
               AlertPolicy policy, std::function<void()> on_raised);
  ~AlertScanner();

  // Every plan due at `now`, batch by batch, as if the time were `now`.
  // CANCELLED when Stop() is called meanwhile (within one batch's work; the
  // batch's plans are due again when its lease ends).
  absl::StatusOr<ScanResult> ScanOnce(absl::Time now);

  // Scans every `interval` (the first time after one interval) on a thread
  // of its own until Stop().
  void Start(absl::Duration interval);
  void Stop();

 private:
  // The claimed plans, all of one clinic: their alerts and next times.
  absl::Status Evaluate(int64_t clinic_id, const std::vector<DuePlan>& plans,
                        absl::Time now, absl::Time deadline,
                        std::vector<StoredAlert>& alerts,
                        std::vector<NextCheck>& next);
  void Loop(absl::Duration interval);
  bool stopping();

  CopyRepository* copy_;
  SessionRepository* sessions_;
  AdherenceDueRepository* due_;
  RaiseAlerts* raise_;
  const AlertPolicy policy_;
  std::function<void()> on_raised_;

  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_ALERT_SCANNER_H_
