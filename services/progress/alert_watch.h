#ifndef COREBALANCE_SERVICES_PROGRESS_ALERT_WATCH_H_
#define COREBALANCE_SERVICES_PROGRESS_ALERT_WATCH_H_

// One WatchAlerts stream: which alerts it wants, how far it has got, and the
// writes to its client one at a time. Shared by the gRPC reactor and the
// AlertFeed, which may outlive each other; after Finish it never touches the
// reactor again.

#include <grpcpp/support/server_callback.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "corebalance/v1/progress.pb.h"
#include "services/progress/repositories/alert_repository.h"

namespace corebalance::progress {

using AlertWriter = grpc::ServerWriteReactor<v1::WatchAlertsResponse>;

// What a watch streams.
struct AlertFilter {
  int64_t clinic_id = 0;
  std::string patient_id;  // empty: every patient of the clinic
  int kind = 0;            // 0: every kind
};

// The cursor a client resumes from: opaque to clients.
std::string EncodeAlertCursor(int64_t seq);
absl::StatusOr<int64_t> DecodeAlertCursor(const std::string& cursor);

class AlertWatch {
 public:
  explicit AlertWatch(AlertWriter* writer) : writer_(writer) {}

  // Exactly one of Open and Refuse settles how the call's opening went.
  // Open starts streaming the alerts matching `filter` raised after
  // `after_seq`; false when the call ended meanwhile (and is now finished).
  // `authorization`: the call's header, for the feed to check again.
  bool Open(AlertFilter filter, int64_t after_seq, std::string authorization);
  void Refuse(const grpc::Status& status);

  // For the feed: the filter, and the seq to read after when the watch is
  // ready for more (open, nothing being written).
  const AlertFilter& filter() const { return filter_; }
  const std::string& authorization() const { return authorization_; }
  // When the feed should check the token again (set once checked).
  absl::Time next_check() const {
    return absl::FromUnixMicros(next_check_micros_.load());
  }
  void CheckedUntil(absl::Time next) {
    next_check_micros_.store(absl::ToUnixMicros(next));
  }
  std::optional<int64_t> ReadyAfter();
  bool ended();
  // Writes `alerts` (oldest first); the watch has then seen everything up
  // to `seen_up_to` (alerts the filter skipped included).
  void Deliver(const std::vector<StoredAlert>& alerts, int64_t seen_up_to);

  // Ends the call with `status` once the write in flight is done (and the
  // opening is settled). Later calls do nothing.
  void End(const grpc::Status& status);
  // The reactor's OnWriteDone.
  void WriteDone(bool ok);

 private:
  void WriteNextLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  AlertWriter* const writer_;
  // Set once, before the feed sees the watch.
  AlertFilter filter_;
  std::string authorization_;
  // As micros: a lock-free atomic (absl::Time is not).
  std::atomic<int64_t> next_check_micros_{0};
  absl::Mutex mu_;
  bool settled_ ABSL_GUARDED_BY(mu_) = false;
  bool open_ ABSL_GUARDED_BY(mu_) = false;
  bool ended_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status end_status_ ABSL_GUARDED_BY(mu_);
  int64_t after_seq_ ABSL_GUARDED_BY(mu_) = 0;
  std::deque<StoredAlert> queued_ ABSL_GUARDED_BY(mu_);
  v1::WatchAlertsResponse in_flight_ ABSL_GUARDED_BY(mu_);
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_ALERT_WATCH_H_
