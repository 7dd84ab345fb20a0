#include "services/server/prescription_module.h"

#include "services/outbox/event_feed.h"
#include "services/outbox/transactions.h"
#include "services/peers/intake_client.h"
#include "services/prescription/policy.h"
#include "services/prescription/prescription_internal_service.h"
#include "services/prescription/prescription_service.h"
#include "services/server/module_outbox.h"
#include "services/server/worker_pools.h"

namespace corebalance::server {
namespace {

class PrescriptionModule final : public Module {
 public:
  PrescriptionModule(const ServerConfig& config, store::Pool* pool,
                     const std::string& internal_key,
                     const prescription::DoseRules& rules)
      : outbox_("prescription", pool, config),
        tx_(pool, outbox_.get()),
        feed_(&outbox_.get()->store(), pool),
        catalogue_(pool),
        plans_(pool),
        edit_catalogue_(&tx_, &catalogue_),
        assign_plan_(&tx_, &catalogue_, &plans_, rules),
        adjust_plan_(&tx_, &catalogue_, &plans_, rules),
        change_plan_state_(&tx_, &plans_),
        list_plans_(&plans_),
        pool_(MakeWorkerPool("prescription", config)),
        kit_(pool_.get(), internal_key, KitOptions(config)),
        rules_(rules),
        internal_key_(internal_key) {}

  // Called once per server (public and in-process): fresh objects each time.
  void Register(grpc::ServerBuilder& builder) override {
    services_.push_back(std::make_unique<prescription::PrescriptionServiceImpl>(
        &kit_, &catalogue_, &plans_,
        prescription::PrescriptionServiceImpl::UseCases{
            &edit_catalogue_, &assign_plan_, &adjust_plan_, &change_plan_state_,
            &list_plans_},
        rules_));
    builder.RegisterService(services_.back().get());
    internal_services_.push_back(
        std::make_unique<prescription::PrescriptionInternalServiceImpl>(
            &kit_, &plans_, &catalogue_, &feed_));
    builder.RegisterService(internal_services_.back().get());
  }
  std::vector<std::string> ServiceNames() const override {
    return {"corebalance.v1.PrescriptionService",
            "corebalance.v1.PrescriptionInternalService"};
  }
  void Wire(const Peers& peers) override {
    intake_ = std::make_unique<corebalance::peers::IntakeClient>(
        peers.Channel(Target::kIntake), internal_key_,
        peers.InProcess(Target::kIntake));
    assign_plan_.Wire(intake_.get());
    list_plans_.Wire(intake_.get());
    // Before the kit lets calls in: they ring the relay after commits.
    outbox_.Start(peers, internal_key_);
    kit_.Wire(peers.authenticator, outbox_.get());
  }
  void StopRelay(absl::Time deadline) override { outbox_.Stop(deadline); }
  void StopWorkers() override { pool_->Stop(); }

 private:
  ModuleOutbox outbox_;
  outbox::Transactions tx_;
  const outbox::EventFeed feed_;
  prescription::CatalogueRepository catalogue_;
  prescription::PlanRepository plans_;
  prescription::EditCatalogue edit_catalogue_;
  prescription::AssignPlan assign_plan_;
  prescription::AdjustPlan adjust_plan_;
  prescription::ChangePlanState change_plan_state_;
  prescription::ListPlans list_plans_;
  std::unique_ptr<WorkerPool> pool_;
  ServiceKit kit_;
  const prescription::DoseRules rules_;
  const std::string internal_key_;
  std::unique_ptr<corebalance::peers::IntakeClient> intake_;
  std::vector<std::unique_ptr<prescription::PrescriptionServiceImpl>> services_;
  std::vector<std::unique_ptr<prescription::PrescriptionInternalServiceImpl>>
      internal_services_;
};

}  // namespace

std::unique_ptr<Module> MakePrescriptionModule(
    const ServerConfig& config, store::Pool* pool,
    const std::string& internal_key) {
  auto rules = prescription::DoseRulesFromConfig(config.policy.prescription());
  if (!rules.ok()) return MakeMisconfiguredModule(rules.status());
  return std::make_unique<PrescriptionModule>(config, pool, internal_key,
                                              *rules);
}

}  // namespace corebalance::server
