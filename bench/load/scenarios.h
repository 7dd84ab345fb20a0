#ifndef COREBALANCE_BENCH_LOAD_SCENARIOS_H_
#define COREBALANCE_BENCH_LOAD_SCENARIOS_H_

// The scenarios, each on the patients it is given (drawn uniformly).

#include <memory>
#include <vector>

#include "bench/load/scenario.h"

namespace corebalance::bench {

using Patients = std::shared_ptr<const std::vector<SeedPatient>>;

// A patient of `patients` (not empty), uniformly.
const SeedPatient& PickPatient(const Patients& patients, Rng& rng);

// Reads (scenarios_read.cc).
std::unique_ptr<Scenario> NewHealthScenario();
std::unique_ptr<Scenario> NewGetPatientScenario(Patients patients);
std::unique_ptr<Scenario> NewListPatientsScenario();
std::unique_ptr<Scenario> NewListSessionsScenario(Patients patients);
std::unique_ptr<Scenario> NewProgressSummaryScenario(Patients patients,
                                                     int window_days);

// Writes (scenarios_write.cc).
std::unique_ptr<Scenario> NewSubmitAssessmentScenario(Patients patients);
std::unique_ptr<Scenario> NewAssignPlanScenario(Patients patients);
std::unique_ptr<Scenario> NewLogSessionScenario(Patients patients);

// A clinic day (scenario_mixed.cc): `parts` by weight.
struct WeightedScenario {
  std::string name;
  int weight = 0;
  std::unique_ptr<Scenario> scenario;
};
std::unique_ptr<Scenario> NewMixedScenario(std::vector<WeightedScenario> parts);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_LOAD_SCENARIOS_H_
