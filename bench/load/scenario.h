#ifndef COREBALANCE_BENCH_LOAD_SCENARIO_H_
#define COREBALANCE_BENCH_LOAD_SCENARIO_H_

// A kind of request the load generator sends over and over. NextCall is
// called from every driver thread at once: scenarios keep only read-only
// state (or atomics) and draw randomness from the caller's Rng.

#include <grpcpp/channel.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/common/random_values.h"
#include "bench/common/seed_file.h"
#include "bench/load/call.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "corebalance/v1/prescription.grpc.pb.h"
#include "corebalance/v1/progress.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace corebalance::bench {

// The stubs of one connection.
struct Stubs {
  explicit Stubs(const std::shared_ptr<grpc::Channel>& channel);

  std::unique_ptr<grpc::health::v1::Health::Stub> health;
  std::unique_ptr<v1::IntakeService::Stub> intake;
  std::unique_ptr<v1::PrescriptionService::Stub> prescription;
  std::unique_ptr<v1::ProgressService::Stub> progress;
};

class Scenario {
 public:
  virtual ~Scenario() = default;

  // The operations NextCall's calls are numbered by (op 0, 1, ...).
  virtual std::vector<std::string> OpNames() const = 0;
  // A new call numbered `op` (the driver passes 0; `mixed` its own index).
  virtual std::unique_ptr<Call> NextCall(Stubs& stubs, Rng& rng, int op) = 0;
  // What a reader of the figures must know (e.g. peer calls per request).
  virtual std::vector<std::string> Notes() const { return {}; }
};

// What scenarios are built from.
struct ScenarioInputs {
  // The seeded patients by group (seed_file.h); empty for `health`.
  std::map<std::string, std::vector<SeedPatient>> groups;
  // The group patient scenarios draw from, when not their default.
  std::string group;
  // GetProgressSummary's window_days (0: the server's default, 14).
  int window_days = 0;
};

// The scenario names MakeScenario knows, in the order of the issue.
std::vector<std::string> ScenarioNames();

// INVALID_ARGUMENT for an unknown name; FAILED_PRECONDITION when the seed
// file lacks the patients the scenario needs.
absl::StatusOr<std::unique_ptr<Scenario>> MakeScenario(
    const std::string& name, const ScenarioInputs& inputs);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_LOAD_SCENARIO_H_
