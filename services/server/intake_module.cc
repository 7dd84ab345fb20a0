#include "services/server/intake_module.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "services/intake/intake_internal_service.h"
#include "services/intake/intake_service.h"
#include "services/intake/policy.h"
#include "services/intake/staff_directory.h"
#include "services/outbox/event_feed.h"
#include "services/outbox/transactions.h"
#include "services/server/module_outbox.h"
#include "services/server/worker_pools.h"

namespace corebalance::server {
namespace {

absl::StatusOr<absl::TimeZone> ClinicZone(const std::string& name) {
  absl::TimeZone zone;
  if (name.empty() || !absl::LoadTimeZone(name, &zone)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--clinic-time-zone: unknown time zone \"", name,
        "\"; want an IANA name like America/Los_Angeles (is tzdata "
        "installed?)"));
  }
  return zone;
}

class IntakeModule final : public Module {
 public:
  IntakeModule(const ServerConfig& config, store::Pool* pool,
               const std::string& internal_key,
               const intake::ScoringPolicy& policy, absl::TimeZone zone)
      : internal_key_(internal_key),
        outbox_("intake", pool, config),
        tx_(pool, outbox_.get()),
        feed_(&outbox_.get()->store(), pool),
        patients_(pool),
        assessments_(pool),
        create_patient_(&tx_, &patients_),
        update_patient_(&tx_, &patients_),
        submit_assessment_(&tx_, &patients_, &assessments_, policy),
        pool_(MakeWorkerPool("intake", config)),
        kit_(pool_.get(), internal_key, KitOptions(config)),
        zone_(zone) {}

  // Called once per server (public and in-process): fresh objects each time.
  void Register(grpc::ServerBuilder& builder) override {
    services_.push_back(std::make_unique<intake::IntakeServiceImpl>(
        &kit_, &patients_, &assessments_,
        intake::IntakeServiceImpl::UseCases{&create_patient_, &update_patient_,
                                            &submit_assessment_},
        zone_));
    builder.RegisterService(services_.back().get());
    internal_services_.push_back(
        std::make_unique<intake::IntakeInternalServiceImpl>(
            &kit_, &patients_, &assessments_, &feed_));
    builder.RegisterService(internal_services_.back().get());
  }
  std::vector<std::string> ServiceNames() const override {
    return {"corebalance.v1.IntakeService",
            "corebalance.v1.IntakeInternalService"};
  }
  void Wire(const Peers& peers) override {
    staff_ = std::make_unique<intake::StaffDirectory>(
        peers.Channel(Target::kAccess), internal_key_);
    for (auto& service : services_) service->SetStaffDirectory(staff_.get());
    // Before the kit lets calls in: they ring the relay after commits.
    outbox_.Start(peers, internal_key_);
    kit_.Wire(peers.authenticator, outbox_.get());
  }
  void StopRelay(absl::Time deadline) override { outbox_.Stop(deadline); }
  void StopWorkers() override { pool_->Stop(); }

 private:
  const std::string internal_key_;
  ModuleOutbox outbox_;
  outbox::Transactions tx_;
  const outbox::EventFeed feed_;
  intake::PatientRepository patients_;
  intake::AssessmentRepository assessments_;
  intake::CreatePatient create_patient_;
  intake::UpdatePatient update_patient_;
  intake::SubmitAssessment submit_assessment_;
  std::unique_ptr<WorkerPool> pool_;
  ServiceKit kit_;
  const absl::TimeZone zone_;
  std::unique_ptr<intake::StaffDirectory> staff_;
  std::vector<std::unique_ptr<intake::IntakeServiceImpl>> services_;
  std::vector<std::unique_ptr<intake::IntakeInternalServiceImpl>>
      internal_services_;
};

}  // namespace

std::unique_ptr<Module> MakeIntakeModule(const ServerConfig& config,
                                         store::Pool* pool,
                                         const std::string& internal_key) {
  auto policy = intake::ScoringPolicyFromConfig(config.policy.intake());
  if (!policy.ok()) {
    return MakeMisconfiguredModule(policy.status());
  }
  auto zone = ClinicZone(config.clinic_time_zone);
  if (!zone.ok()) return MakeMisconfiguredModule(zone.status());
  return std::make_unique<IntakeModule>(config, pool, internal_key, *policy,
                                        *zone);
}

}  // namespace corebalance::server
