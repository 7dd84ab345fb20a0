#ifndef COREBALANCE_SERVICES_PROGRESS_ALERT_FEED_H_
#define COREBALANCE_SERVICES_PROGRESS_ALERT_FEED_H_

// Feeds every open WatchAlerts stream of this process from the alerts
// table, so streams see alerts raised by any replica: every poll interval
// (or at once when this process raised one) it reads each watched clinic's
// latest seq, and each stream ready for more reads the alerts after its
// cursor. Raisers commit a clinic's alerts in seq order
// (AlertRepository::Raise), so reading "after seq N" never skips one.

#include <memory>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/progress/alert_watch.h"
#include "services/progress/repositories/alert_repository.h"

namespace corebalance::progress {

class AlertFeed {
 public:
  AlertFeed(AlertRepository* alerts, absl::Duration poll_interval);
  ~AlertFeed();

  void Start();
  // Ends every stream with OK (the server is shutting down) and stops.
  // Watches added later end at once.
  void Stop();

  void Add(std::shared_ptr<AlertWatch> watch);
  // Something was raised here: poll now.
  void Nudge();

 private:
  void Loop();
  void PollOnce();

  AlertRepository* const alerts_;
  const absl::Duration poll_interval_;
  absl::Mutex mu_;
  std::vector<std::shared_ptr<AlertWatch>> watches_ ABSL_GUARDED_BY(mu_);
  bool nudged_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_ALERT_FEED_H_
