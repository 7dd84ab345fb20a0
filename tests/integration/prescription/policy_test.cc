// The clinic's dose policy (--policy-file) reaches the plans, and a policy
// that makes no sense stops the server from starting.

#include <cstdio>
#include <fstream>

#include "absl/strings/match.h"
#include "services/prescription/rules/catalogue_seed.h"
#include "services/prescription/rules/reduced_dose.h"
#include "services/server/policy_file.h"
#include "tests/integration/prescription/prescription_fixture.h"

namespace corebalance::test {
namespace {

// The policy as an operator writes it, read the way --policy-file is.
config::v1::ServerPolicy PolicyFromJson(const std::string& json) {
  const std::string path =
      ::testing::TempDir() + "/prescription_policy_test.json";
  std::ofstream(path) << json;
  auto policy = server::LoadPolicyFile(path);
  std::remove(path.c_str());
  EXPECT_TRUE(policy.ok()) << policy.status();
  return policy.ok() ? *policy : config::v1::ServerPolicy();
}

TEST(PrescriptionPolicyTest, TheClinicsReducedDoseIsUsed) {
  const config::v1::ServerPolicy policy = PolicyFromJson(
      R"({"prescription": {"reducedRepsPercent": 50,
                           "reducedDurationPercent": 80}})");
  TestServer::Options options;
  options.configure = [&](server::ServerConfig& c) { c.policy = policy; };
  TestServer server(options);
  const std::string practitioner = server.StaffToken(v1::ROLE_PRACTITIONER);
  Patients patients(server.channel(), practitioner);
  const std::string patient = patients.Assessed(Intake::kReduced);

  v1::AssignPlanRequest request;
  request.set_parent(patient);
  v1::Plan plan;
  auto stub = v1::PrescriptionService::NewStub(server.channel());
  grpc::Status s =
      stub->AssignPlan(Context(practitioner).get(), request, &plan);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(plan.dose_level(), v1::DOSE_LEVEL_REDUCED);

  prescription::ReducedDosePolicy clinic;
  clinic.reps_percent = 50;
  clinic.duration_percent = 80;
  const auto* foundation = prescription::FindPlanTemplate("foundation");
  ASSERT_NE(foundation, nullptr);
  ASSERT_EQ(plan.exercises_size(),
            static_cast<int>(foundation->exercises.size()));
  for (int i = 0; i < plan.exercises_size(); ++i) {
    const prescription::Dose want =
        prescription::ReduceDose(foundation->exercises[i].dose, clinic);
    EXPECT_EQ(plan.exercises(i).dose().reps(), want.reps);
    EXPECT_EQ(plan.exercises(i).dose().duration_minutes(),
              want.duration_minutes);
  }
  // Walking: 10 min x 80 % = 8, not the default 5.
  EXPECT_EQ(plan.exercises(plan.exercises_size() - 1).dose().duration_minutes(),
            8);
}

TEST(PrescriptionPolicyTest, ANonsensePolicyStopsTheServer) {
  server::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.mysql_url = "mysql://root@127.0.0.1:1/never_used";
  config.policy = PolicyFromJson(R"({"prescription": {"maxHoldSeconds": 0}})");
  auto runtime = server::ServerRuntime::Start(config);
  ASSERT_FALSE(runtime.ok());
  EXPECT_EQ(runtime.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(runtime.status().message(),
                                "prescription.maxHoldSeconds"))
      << runtime.status();
}

}  // namespace
}  // namespace corebalance::test
