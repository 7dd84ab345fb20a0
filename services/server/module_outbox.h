#ifndef COREBALANCE_SERVICES_SERVER_MODULE_OUTBOX_H_
#define COREBALANCE_SERVICES_SERVER_MODULE_OUTBOX_H_

// A hosted service's outbox and its relay, as every module keeps them.

#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "services/outbox/outbox.h"
#include "services/outbox/relay.h"
#include "services/server/module.h"
#include "services/server/server_config.h"

namespace corebalance::server {

class ModuleOutbox {
 public:
  ModuleOutbox(std::string service, store::Pool* pool,
               const ServerConfig& config)
      : outbox_(std::move(service), pool), interval_(config.relay_interval) {}

  outbox::Outbox* get() { return &outbox_; }

  // Starts relaying to the access service (in-process when co-hosted),
  // unless this process is told not to relay.
  void Start(const Peers& peers, const std::string& internal_key) {
    if (interval_ <= absl::ZeroDuration()) return;
    outbox::Relay::Options options;
    options.poll = interval_;
    relay_ = std::make_unique<outbox::Relay>(
        &outbox_, peers.Channel(Target::kAccess), internal_key, options);
    relay_->Start();
  }
  // Relays what the last calls wrote (until `deadline`) and stops.
  void Stop(absl::Time deadline) {
    if (relay_) relay_->Stop(deadline);
  }

 private:
  outbox::Outbox outbox_;
  const absl::Duration interval_;
  std::unique_ptr<outbox::Relay> relay_;
};

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_MODULE_OUTBOX_H_
