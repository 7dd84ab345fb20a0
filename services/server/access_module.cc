#include "services/server/access_module.h"

#include "services/access/access_internal_service.h"
#include "services/access/access_service.h"
#include "services/outbox/transactions.h"
#include "services/server/module_outbox.h"
#include "services/server/worker_pools.h"

namespace corebalance::server {
namespace {

class AccessModule final : public Module {
 public:
  AccessModule(const ServerConfig& config, store::Pool* pool,
               const std::string& internal_key)
      : internal_key_(internal_key),
        outbox_("access", pool, config),
        tx_(pool, outbox_.get()),
        access_(pool),
        audit_(pool),
        create_staff_member_(&tx_, &access_),
        disable_staff_member_(&tx_, &access_),
        issue_api_token_(&tx_, &access_),
        revoke_api_token_(&tx_, &access_),
        public_pool_(MakeWorkerPool("access", config)),
        internal_pool_(MakeWorkerPool("access-internal", config)),
        public_kit_(public_pool_.get(), internal_key, KitOptions(config)),
        internal_kit_(internal_pool_.get(), internal_key, KitOptions(config)) {}

  void Register(grpc::ServerBuilder& builder) override {
    services_.push_back(std::make_unique<access::AccessServiceImpl>(
        &public_kit_, &access_, &audit_,
        access::AccessServiceImpl::UseCases{
            &create_staff_member_, &disable_staff_member_, &issue_api_token_,
            &revoke_api_token_}));
    builder.RegisterService(services_.back().get());
    services_.push_back(std::make_unique<access::AccessInternalServiceImpl>(
        &internal_kit_, &access_, &audit_));
    builder.RegisterService(services_.back().get());
  }
  std::vector<std::string> ServiceNames() const override {
    return {"corebalance.v1.AccessService",
            "corebalance.v1.AccessInternalService"};
  }
  void Wire(const Peers& peers) override {
    // Before the kit lets calls in: they ring the relay after commits.
    outbox_.Start(peers, internal_key_);
    public_kit_.Wire(peers.authenticator, outbox_.get());
    internal_kit_.Wire(peers.authenticator, outbox_.get());
  }
  void StopRelay(absl::Time deadline) override { outbox_.Stop(deadline); }
  void StopWorkers() override {
    public_pool_->Stop();
    internal_pool_->Stop();
  }

 private:
  const std::string internal_key_;
  ModuleOutbox outbox_;
  outbox::Transactions tx_;
  access::AccessRepository access_;
  access::AuditRepository audit_;
  access::CreateStaffMember create_staff_member_;
  access::DisableStaffMember disable_staff_member_;
  access::IssueApiToken issue_api_token_;
  access::RevokeApiToken revoke_api_token_;
  std::unique_ptr<WorkerPool> public_pool_;
  std::unique_ptr<WorkerPool> internal_pool_;
  ServiceKit public_kit_;
  ServiceKit internal_kit_;
  std::vector<std::unique_ptr<grpc::Service>> services_;
};

}  // namespace

std::unique_ptr<Module> MakeAccessModule(const ServerConfig& config,
                                         store::Pool* pool,
                                         const std::string& internal_key) {
  return std::make_unique<AccessModule>(config, pool, internal_key);
}

}  // namespace corebalance::server
