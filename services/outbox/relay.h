#ifndef COREBALANCE_SERVICES_OUTBOX_RELAY_H_
#define COREBALANCE_SERVICES_OUTBOX_RELAY_H_

// Moves a service's audit rows from its outbox into AccessService's hash
// chain (AccessInternalService.WriteAuditEvents), oldest first, in batches.
// Exactly once: the log appends each (service, seq) once and answers
// DUPLICATE for a resend, so a relay restarted after a crash, or two
// replicas relaying at once, neither duplicate nor skip an event. A record
// the log refuses is set aside with the reason and reported; the others go
// on. The relay also prunes domain events past their retention.

#include <grpcpp/channel.h>

#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "corebalance/v1/access_internal.grpc.pb.h"
#include "services/outbox/outbox.h"

namespace corebalance::outbox {

class Relay {
 public:
  struct Options {
    int batch = 256;
    // How often to look when nothing rang (other replicas' rows).
    absl::Duration poll = absl::Milliseconds(500);
    // Pause after the audit log could not be reached.
    absl::Duration retry = absl::Seconds(1);
    // How often the lag is measured and logged.
    absl::Duration lag_interval = absl::Seconds(10);
    // Lag above this is logged as a warning.
    absl::Duration lag_warning = absl::Seconds(2);
    absl::Duration domain_retention = absl::Hours(24 * 7);
  };

  Relay(Outbox* outbox, std::shared_ptr<grpc::Channel> access_channel,
        std::string internal_key, Options options);
  ~Relay();

  void Start();
  // Relays what is left (up to `deadline`), then stops the thread.
  void Stop(absl::Time deadline);

  // One batch; how many rows left the outbox (relayed or set aside).
  absl::StatusOr<int> RelayOnce(absl::Time deadline);
  // Age of the oldest row waiting (0 when none), as last measured.
  absl::Duration lag() const;

 private:
  void Loop();
  void Ring();
  void MeasureLag();

  Outbox* outbox_;
  std::unique_ptr<v1::AccessInternalService::Stub> stub_;
  const std::string internal_key_;
  const Options options_;
  std::thread thread_;
  mutable absl::Mutex mu_;
  bool rung_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  absl::Duration lag_ ABSL_GUARDED_BY(mu_);
  absl::Time next_lag_check_ = absl::InfinitePast();
  absl::Time next_prune_ = absl::InfinitePast();
};

}  // namespace corebalance::outbox

#endif  // COREBALANCE_SERVICES_OUTBOX_RELAY_H_
