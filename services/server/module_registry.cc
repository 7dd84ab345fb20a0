#include <stdexcept>

#include "services/access/migrations.h"
#include "services/intake/migrations.h"
#include "services/prescription/migrations.h"
#include "services/progress/migrations.h"
#include "services/server/access_module.h"
#include "services/server/intake_module.h"
#include "services/server/module.h"
#include "services/server/prescription_module.h"
#include "services/server/progress_module.h"

namespace corebalance::server {

const std::vector<ModuleFactory>& ModuleFactories() {
  // In dependency order: a target only calls targets listed before it, and
  // migrations run in this order.
  static const auto* factories = new std::vector<ModuleFactory>{
      {Target::kAccess, access::Migrations, {}, MakeAccessModule},
      {Target::kIntake, intake::Migrations, {}, MakeIntakeModule},
      {Target::kPrescription,
       prescription::Migrations,
       {Target::kIntake},
       MakePrescriptionModule},
      {Target::kProgress,
       progress::Migrations,
       {Target::kIntake, Target::kPrescription},
       MakeProgressModule},
  };
  return *factories;
}

namespace {

class MisconfiguredModule final : public Module {
 public:
  explicit MisconfiguredModule(absl::Status problem)
      : problem_(std::move(problem)) {}
  absl::Status ConfigStatus() const override { return problem_; }
  void Register(grpc::ServerBuilder&) override {}
  std::vector<std::string> ServiceNames() const override { return {}; }
  void Wire(const Peers&) override {}
  void StopWorkers() override {}

 private:
  absl::Status problem_;
};

}  // namespace

std::unique_ptr<Module> MakeMisconfiguredModule(absl::Status problem) {
  return std::make_unique<MisconfiguredModule>(std::move(problem));
}

const ModuleFactory& FactoryFor(Target target) {
  for (const auto& f : ModuleFactories()) {
    if (f.target == target) return f;
  }
  throw std::logic_error("no module factory for a target");
}

}  // namespace corebalance::server
