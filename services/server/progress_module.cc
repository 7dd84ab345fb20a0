#include "services/server/progress_module.h"

#include "services/progress/alert_scanner.h"
#include "services/progress/peer_clients.h"
#include "services/progress/policy.h"
#include "services/progress/progress_service.h"
#include "services/server/module_outbox.h"
#include "services/server/worker_pools.h"

namespace corebalance::server {
namespace {

// How long a clinic's exercises and templates are reused by summaries.
constexpr absl::Duration kCatalogueTtl = absl::Seconds(30);
// How soon a WatchAlerts stream sees an alert another replica raised.
constexpr absl::Duration kAlertPollInterval = absl::Milliseconds(500);

class ProgressModule final : public Module {
 public:
  ProgressModule(const ServerConfig& config, store::Pool* pool,
                 const std::string& internal_key,
                 const progress::ProgressRules& rules)
      : outbox_("progress", pool, config),
        sessions_(pool, outbox_.get()),
        alerts_(pool, outbox_.get()),
        feed_(&alerts_, kAlertPollInterval),
        pool_(MakeWorkerPool("progress", config)),
        kit_(pool_.get(), internal_key, KitOptions(config)),
        rules_(rules),
        internal_key_(internal_key),
        scan_interval_(config.alert_scan_interval) {}

  // Called once per server (public and in-process): fresh objects each time.
  void Register(grpc::ServerBuilder& builder) override {
    services_.push_back(std::make_unique<progress::ProgressServiceImpl>(
        &kit_, &sessions_, &alerts_, &feed_, rules_));
    builder.RegisterService(services_.back().get());
  }
  std::vector<std::string> ServiceNames() const override {
    return {"corebalance.v1.ProgressService"};
  }
  void Wire(const Peers& peers) override {
    peers_ = std::make_unique<progress::PeerClients>(
        peers.Channel(Target::kIntake), peers.Channel(Target::kPrescription),
        internal_key_);
    catalogue_ =
        std::make_unique<progress::CatalogueCache>(peers_.get(), kCatalogueTtl);
    for (auto& service : services_) {
      service->Wire(peers_.get(), catalogue_.get());
    }
    // Before the kit lets calls in: they ring the relay after commits.
    outbox_.Start(peers, internal_key_);
    kit_.Wire(peers.authenticator, outbox_.get());
    feed_.Start();
    if (scan_interval_ > absl::ZeroDuration()) {
      scanner_ = std::make_unique<progress::AlertScanner>(
          &sessions_, &alerts_, peers.Channel(Target::kPrescription),
          internal_key_, rules_.alerts, [this] { feed_.Nudge(); });
      scanner_->Start(scan_interval_);
    }
  }
  void EndStreams() override {
    if (scanner_) scanner_->Stop();
    feed_.Stop();
  }
  void StopRelay(absl::Time deadline) override { outbox_.Stop(deadline); }
  void StopWorkers() override { pool_->Stop(); }

 private:
  ModuleOutbox outbox_;
  progress::SessionStore sessions_;
  progress::AlertStore alerts_;
  progress::AlertFeed feed_;
  std::unique_ptr<WorkerPool> pool_;
  ServiceKit kit_;
  const progress::ProgressRules rules_;
  const std::string internal_key_;
  const absl::Duration scan_interval_;
  std::unique_ptr<progress::AlertScanner> scanner_;
  std::unique_ptr<progress::PeerClients> peers_;
  std::unique_ptr<progress::CatalogueCache> catalogue_;
  std::vector<std::unique_ptr<progress::ProgressServiceImpl>> services_;
};

}  // namespace

std::unique_ptr<Module> MakeProgressModule(const ServerConfig& config,
                                           store::Pool* pool,
                                           const std::string& internal_key) {
  auto rules = progress::ProgressRulesFromConfig(config.policy.progress());
  if (!rules.ok()) return MakeMisconfiguredModule(rules.status());
  return std::make_unique<ProgressModule>(config, pool, internal_key, *rules);
}

}  // namespace corebalance::server
