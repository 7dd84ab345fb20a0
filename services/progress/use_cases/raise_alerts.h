#ifndef COREBALANCE_SERVICES_PROGRESS_USE_CASES_RAISE_ALERTS_H_
#define COREBALANCE_SERVICES_PROGRESS_USE_CASES_RAISE_ALERTS_H_

// Raising alerts, for the session alerts and the adherence scanner alike:
// once per cause, however many raisers run at once, each new alert with its
// "alert.raised" event in the same transaction.

#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/outbox/transactions.h"
#include "services/progress/repositories/alert_repository.h"

namespace corebalance::progress {

class RaiseAlerts {
 public:
  RaiseAlerts(outbox::Transactions* tx, AlertRepository* alerts)
      : tx_(tx), alerts_(alerts) {}

  // How many of `alerts` were new (the others are left as they are).
  absl::StatusOr<int> Run(const std::vector<StoredAlert>& alerts,
                          absl::Time deadline);

 private:
  outbox::Transactions* tx_;
  AlertRepository* alerts_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_USE_CASES_RAISE_ALERTS_H_
