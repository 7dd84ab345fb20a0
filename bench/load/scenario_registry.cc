// Scenario names -> scenarios on the seeded patients they need.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "bench/load/scenario.h"
#include "bench/load/scenarios.h"

namespace corebalance::bench {
namespace {

// The group each scenario draws patients from unless told otherwise.
std::string DefaultGroup(const std::string& scenario) {
  if (scenario == "progress-summary") return "heavy";
  // New patients' intake: keeps the clinic's history (ListAssessments reads
  // up to 100 per patient) as it was seeded.
  if (scenario == "assign-plan" || scenario == "submit-assessment") {
    return "assign";
  }
  return "main";
}

absl::StatusOr<Patients> GroupPatients(const ScenarioInputs& inputs,
                                       const std::string& group) {
  auto it = inputs.groups.find(group);
  if (it == inputs.groups.end() || it->second.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the seed file has no patients of group \"", group,
        "\": seed them with corebalance-bench-seed, or pass --seed-file"));
  }
  return std::make_shared<const std::vector<SeedPatient>>(it->second);
}

}  // namespace

Stubs::Stubs(const std::shared_ptr<grpc::Channel>& channel)
    : health(grpc::health::v1::Health::NewStub(channel)),
      intake(v1::IntakeService::NewStub(channel)),
      prescription(v1::PrescriptionService::NewStub(channel)),
      progress(v1::ProgressService::NewStub(channel)) {}

const SeedPatient& PickPatient(const Patients& patients, Rng& rng) {
  return (*patients)[rng() % patients->size()];
}

std::vector<std::string> ScenarioNames() {
  return {"health",        "get-patient",       "list-patients",
          "list-sessions", "submit-assessment", "assign-plan",
          "log-session",   "progress-summary",  "mixed"};
}

absl::StatusOr<std::unique_ptr<Scenario>> MakeScenario(
    const std::string& name, const ScenarioInputs& inputs) {
  if (name == "health") return NewHealthScenario();
  if (name == "list-patients") return NewListPatientsScenario();
  const std::string group =
      inputs.group.empty() ? DefaultGroup(name) : inputs.group;
  if (name == "get-patient" || name == "list-sessions" ||
      name == "submit-assessment" || name == "assign-plan" ||
      name == "log-session" || name == "progress-summary") {
    auto patients = GroupPatients(inputs, group);
    if (!patients.ok()) return patients.status();
    if (name == "get-patient") return NewGetPatientScenario(*patients);
    if (name == "list-sessions") return NewListSessionsScenario(*patients);
    if (name == "submit-assessment") {
      return NewSubmitAssessmentScenario(*patients);
    }
    if (name == "assign-plan") return NewAssignPlanScenario(*patients);
    if (name == "log-session") return NewLogSessionScenario(*patients);
    return NewProgressSummaryScenario(*patients, inputs.window_days);
  }
  if (name == "mixed") {
    auto patients = GroupPatients(inputs, group);
    if (!patients.ok()) return patients.status();
    std::vector<WeightedScenario> parts;
    parts.push_back(
        {"progress-summary", 20,
         NewProgressSummaryScenario(*patients, inputs.window_days)});
    parts.push_back({"get-patient", 20, NewGetPatientScenario(*patients)});
    parts.push_back({"list-sessions", 20, NewListSessionsScenario(*patients)});
    parts.push_back({"log-session", 25, NewLogSessionScenario(*patients)});
    parts.push_back({"list-patients", 10, NewListPatientsScenario()});
    parts.push_back(
        {"submit-assessment", 5, NewSubmitAssessmentScenario(*patients)});
    return NewMixedScenario(std::move(parts));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown scenario \"", name,
                   "\"; known: ", absl::StrJoin(ScenarioNames(), ", ")));
}

}  // namespace corebalance::bench
