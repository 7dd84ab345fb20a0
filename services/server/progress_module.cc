#include "services/server/progress_module.h"

#include "corebalance/v1/intake_internal.grpc.pb.h"
#include "corebalance/v1/prescription_internal.grpc.pb.h"
#include "services/outbox/transactions.h"
#include "services/peers/intake_client.h"
#include "services/peers/prescription_client.h"
#include "services/progress/alert_scanner.h"
#include "services/progress/catalogue_cache.h"
#include "services/progress/policy.h"
#include "services/progress/progress_service.h"
#include "services/progress/source_feed.h"
#include "services/progress/source_reads.h"
#include "services/server/module_outbox.h"
#include "services/server/worker_pools.h"

namespace corebalance::server {
namespace {

// How long a clinic's exercises and templates are reused by summaries.
constexpr absl::Duration kCatalogueTtl = absl::Seconds(30);
// How soon a WatchAlerts stream sees an alert another replica raised.
constexpr absl::Duration kAlertPollInterval = absl::Milliseconds(500);
// How long a call waits at most for the copy of intake or prescription to
// catch up with writes made before it (read-your-writes).
constexpr absl::Duration kCopyWait = absl::Milliseconds(500);

class ProgressModule final : public Module {
 public:
  ProgressModule(const ServerConfig& config, store::Pool* pool,
                 const std::string& internal_key,
                 const progress::ProgressRules& rules)
      : outbox_("progress", pool, config),
        tx_(pool, outbox_.get()),
        pool_db_(pool),
        sessions_(pool),
        alerts_(pool),
        due_(pool),
        copy_(pool, &due_),
        sources_(&copy_, kCopyWait),
        feed_(&alerts_, kAlertPollInterval,
              {.per_clinic = config.max_watches_per_clinic,
               .per_process = config.max_watches}),
        raise_alerts_(&tx_, &alerts_),
        raise_session_alerts_(&sessions_, &sources_, &raise_alerts_, &feed_,
                              rules.alerts),
        log_session_(&tx_, &sessions_, &due_, &sources_, &raise_session_alerts_,
                     rules.traffic_light, rules.alerts),
        update_session_(&tx_, &sessions_, &raise_session_alerts_,
                        rules.traffic_light),
        acknowledge_alert_(&tx_, &alerts_),
        summarize_(&sessions_, &sources_, rules),
        pool_(MakeWorkerPool("progress", config)),
        kit_(pool_.get(), internal_key, KitOptions(config)),
        rules_(rules),
        internal_key_(internal_key),
        scan_interval_(config.alert_scan_interval),
        recheck_every_(config.auth_cache_ttl) {}

  // Called once per server (public and in-process): fresh objects each time.
  void Register(grpc::ServerBuilder& builder) override {
    services_.push_back(std::make_unique<progress::ProgressServiceImpl>(
        &kit_, &sessions_, &alerts_, &feed_, &sources_,
        progress::ProgressServiceImpl::UseCases{
            &log_session_, &update_session_, &acknowledge_alert_, &summarize_},
        rules_));
    builder.RegisterService(services_.back().get());
  }
  std::vector<std::string> ServiceNames() const override {
    return {"corebalance.v1.ProgressService"};
  }
  void Wire(const Peers& peers) override {
    intake_ = std::make_unique<corebalance::peers::IntakeClient>(
        peers.Channel(Target::kIntake), internal_key_,
        peers.InProcess(Target::kIntake));
    prescription_ = std::make_unique<corebalance::peers::PrescriptionClient>(
        peers.Channel(Target::kPrescription), internal_key_,
        peers.InProcess(Target::kPrescription));
    catalogue_ = std::make_unique<progress::CatalogueCache>(
        &copy_, prescription_.get(), kCatalogueTtl);
    intake_feed_ = MakeFeed<v1::IntakeInternalService>(
        "intake", peers.Channel(Target::kIntake));
    prescription_feed_ = MakeFeed<v1::PrescriptionInternalService>(
        "prescription", peers.Channel(Target::kPrescription));
    sources_.Wire(intake_feed_.get(), prescription_feed_.get(), intake_.get(),
                  prescription_.get());
    summarize_.Wire(catalogue_.get());
    intake_feed_->Start();
    prescription_feed_->Start();
    // Before the kit lets calls in: they ring the relay after commits.
    outbox_.Start(peers, internal_key_);
    kit_.Wire(peers.authenticator, outbox_.get());
    feed_.SetRecheck(
        [this](const std::string& authorization) {
          return kit_.Recheck(authorization,
                              progress::ProgressServiceImpl::WatchAlertsSpec());
        },
        recheck_every_);
    feed_.Start();
    if (scan_interval_ > absl::ZeroDuration()) {
      scanner_ = std::make_unique<progress::AlertScanner>(
          &copy_, &sessions_, &due_, &raise_alerts_, rules_.alerts,
          [this] { feed_.Nudge(); });
      scanner_->Start(scan_interval_);
    }
  }
  void EndStreams() override {
    if (scanner_) scanner_->Stop();
    feed_.Stop();
    // While the in-process channels still work: a round after the server
    // shut down would call into a server that is gone. Calls still
    // draining then read the copy as it is (their lag is reported).
    if (intake_feed_) intake_feed_->Stop();
    if (prescription_feed_) prescription_feed_->Stop();
  }
  void StopWorkers() override {
    pool_->Stop();
    if (intake_feed_) intake_feed_->Stop();
    if (prescription_feed_) prescription_feed_->Stop();
  }
  void StopRelay(absl::Time deadline) override { outbox_.Stop(deadline); }

 private:
  // The copy's feed of one source, over its internal service.
  template <typename Service>
  std::unique_ptr<progress::SourceFeed> MakeFeed(
      const char* source, std::shared_ptr<grpc::Channel> channel) {
    std::unique_ptr<progress::FeedClient> client;
    if (channel) {
      client = std::make_unique<progress::StubFeedClient<Service>>(channel);
    }
    return std::make_unique<progress::SourceFeed>(
        source, std::move(client), internal_key_, pool_db_, &copy_,
        progress::SourceFeed::Options());
  }

  ModuleOutbox outbox_;
  outbox::Transactions tx_;
  store::Pool* pool_db_;
  progress::SessionRepository sessions_;
  progress::AlertRepository alerts_;
  progress::AdherenceDueRepository due_;
  progress::CopyRepository copy_;
  progress::SourceReads sources_;
  progress::AlertFeed feed_;
  progress::RaiseAlerts raise_alerts_;
  progress::RaiseSessionAlerts raise_session_alerts_;
  progress::LogSession log_session_;
  progress::UpdateSession update_session_;
  progress::AcknowledgeAlert acknowledge_alert_;
  progress::SummarizeProgress summarize_;
  std::unique_ptr<WorkerPool> pool_;
  ServiceKit kit_;
  const progress::ProgressRules rules_;
  const std::string internal_key_;
  const absl::Duration scan_interval_;
  // How often a WatchAlerts stream's token is checked again.
  const absl::Duration recheck_every_;
  std::unique_ptr<progress::AlertScanner> scanner_;
  std::unique_ptr<corebalance::peers::IntakeClient> intake_;
  std::unique_ptr<corebalance::peers::PrescriptionClient> prescription_;
  std::unique_ptr<progress::CatalogueCache> catalogue_;
  std::unique_ptr<progress::SourceFeed> intake_feed_;
  std::unique_ptr<progress::SourceFeed> prescription_feed_;
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
