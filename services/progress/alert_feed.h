#ifndef COREBALANCE_SERVICES_PROGRESS_ALERT_FEED_H_
#define COREBALANCE_SERVICES_PROGRESS_ALERT_FEED_H_

// Feeds every open WatchAlerts stream of this process from the alerts
// table, so streams see alerts raised by any replica: every poll interval
// (or at once when this process raised one) it reads each watched clinic's
// latest seq and, when the clinic has something new, its new alerts once
// for all of its streams (each stream takes what its filter wants). Raisers
// commit a clinic's alerts in seq order (AlertRepository::Raise), so
// reading "after seq N" never skips one.
//
// Streams are bounded per clinic and per process, and each stream's token
// is checked again every `recheck_every`: a revoked token or a disabled
// staff member ends it with UNAUTHENTICATED.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/progress/alert_watch.h"
#include "services/progress/repositories/alert_repository.h"

namespace corebalance::progress {

class AlertFeed {
 public:
  struct Limits {
    int per_clinic = 100;
    int per_process = 1000;
  };
  // OK while the stream's "authorization" header may still watch, else
  // the status that ends it.
  using Recheck = std::function<absl::Status(const std::string&)>;

  AlertFeed(AlertRepository* alerts, absl::Duration poll_interval,
            Limits limits);
  ~AlertFeed();

  // Before Start: how tokens are checked again, and how often.
  void SetRecheck(Recheck recheck, absl::Duration every);
  void Start();
  // Ends every stream with OK (the server is shutting down) and stops.
  // Watches added later end at once.
  void Stop();

  // A place for one more stream of `clinic_id`, or RESOURCE_EXHAUSTED when
  // the clinic or the process has as many as allowed. Add the watch, or
  // Release the place when the stream does not open.
  absl::Status Reserve(int64_t clinic_id);
  void Release(int64_t clinic_id);
  // Takes over the watch's reserved place until it ends.
  void Add(std::shared_ptr<AlertWatch> watch);
  // Something was raised here: poll now.
  void Nudge();

 private:
  void Loop();
  void PollOnce();
  // Ends the streams whose token no longer may watch.
  void RecheckDue(const std::vector<std::shared_ptr<AlertWatch>>& watches);
  void FeedClinic(int64_t clinic_id,
                  const std::vector<std::shared_ptr<AlertWatch>>& watches,
                  absl::Time deadline);
  void ReleaseLocked(int64_t clinic_id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Forgets the streams that ended, giving their places back.
  void DropEndedLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  AlertRepository* const alerts_;
  const absl::Duration poll_interval_;
  const Limits limits_;
  Recheck recheck_;
  absl::Duration recheck_every_ = absl::InfiniteDuration();
  absl::Mutex mu_;
  std::vector<std::shared_ptr<AlertWatch>> watches_ ABSL_GUARDED_BY(mu_);
  std::map<int64_t, int> reserved_ ABSL_GUARDED_BY(mu_);  // by clinic
  int reserved_total_ ABSL_GUARDED_BY(mu_) = 0;
  bool nudged_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_ALERT_FEED_H_
