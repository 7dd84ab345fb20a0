// The clinic policy and time zone: a bad one stops the server, a valid one
// changes what the server computes.

#include "services/intake/policy.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "absl/strings/match.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "services/server/policy_file.h"
#include "services/server/server_runtime.h"
#include "tests/integration/intake/intake_fixture.h"

namespace corebalance::test {
namespace {

absl::Status StartWith(const std::function<void(server::ServerConfig&)>& edit) {
  server::ServerConfig config;
  config.listen = "127.0.0.1:0";
  edit(config);
  auto runtime = server::ServerRuntime::Start(config);
  if (runtime.ok()) (*runtime)->Shutdown();
  return runtime.status();
}

TEST(IntakePolicy, InconsistentPolicyStopsTheServerWithTheReason) {
  absl::Status s = StartWith([](server::ServerConfig& c) {
    c.policy.mutable_intake()->set_acute_below_weeks(16);  // above 12
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(s.message(), "intake")) << s.message();
  EXPECT_TRUE(absl::StrContains(s.message(), "chronic_above_weeks"))
      << s.message();

  s = StartWith([](server::ServerConfig& c) {
    c.policy.mutable_intake()->set_min_odi_sections(0);  // set: used as given
  });
  EXPECT_TRUE(absl::StrContains(s.message(), "min_odi_sections"))
      << s.message();
}

TEST(IntakePolicy, UnknownTimeZoneStopsTheServer) {
  absl::Status s = StartWith([](server::ServerConfig& c) {
    c.clinic_time_zone = "Mars/Olympus_Mons";
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(s.message(), "--clinic-time-zone"))
      << s.message();
}

TEST(IntakePolicy, PolicyFileFieldsReachTheScoringPolicy) {
  const std::string path = ::testing::TempDir() + "/intake_policy.json";
  {
    std::ofstream out(path);
    out << R"({"intake": {"minOdiSections": 9, "chronicAboveWeeks": 13,
               "reduceDoseForHighStartBack": false,
               "startingPhase": "PROGRAM_PHASE_STABILITY",
               "nprsImportantChange": {"points": 3}}})";
  }
  auto config = server::LoadPolicyFile(path);
  std::remove(path.c_str());
  ASSERT_TRUE(config.ok()) << config.status();
  auto policy = intake::ScoringPolicyFromConfig(config->intake());
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->min_odi_sections, 9);
  EXPECT_EQ(policy->chronic_above_weeks, 13);
  EXPECT_FALSE(policy->reduce_dose_for_high_start_back);
  EXPECT_EQ(policy->starting_phase, intake::ProgramPhase::kStability);
  EXPECT_EQ(policy->nprs_important_change.points, 3);
  // Left out: the reference's defaults.
  const intake::ScoringPolicy defaults;
  EXPECT_EQ(policy->acute_below_weeks, defaults.acute_below_weeks);
  EXPECT_EQ(policy->nprs_important_change.percent,
            defaults.nprs_important_change.percent);
  EXPECT_EQ(policy->reduced_dose_odi_above_percent,
            defaults.reduced_dose_odi_above_percent);
}

class ConfiguredIntakeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestServer::Options options;
    options.configure = [](server::ServerConfig& c) {
      auto* intake = c.policy.mutable_intake();
      intake->set_min_odi_sections(10);
      intake->set_reduced_dose_odi_above_percent(30);
      intake->set_starting_phase(
          config::v1::IntakePolicy::PROGRAM_PHASE_STRENGTH_BALANCE);
      // Always at least a day behind Kiritimati (UTC+14).
      c.clinic_time_zone = "Pacific/Pago_Pago";
    };
    server_ = new TestServer(options);
    token_ = server_->StaffToken(v1::ROLE_PRACTITIONER, "Configured");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static grpc::Status Submit(const v1::Assessment& assessment,
                             v1::Assessment* out) {
    auto stub = v1::IntakeService::NewStub(server_->channel());
    v1::CreatePatientRequest create;
    create.mutable_patient()->set_given_name("Policy");
    create.mutable_patient()->set_family_name("Patient");
    v1::Patient p;
    grpc::Status s = stub->CreatePatient(Context(token_).get(), create, &p);
    if (!s.ok()) return s;
    v1::SubmitAssessmentRequest request;
    request.set_parent(p.name());
    *request.mutable_assessment() = assessment;
    return stub->SubmitAssessment(Context(token_).get(), request, out);
  }
  static TestServer* server_;
  static std::string token_;
};
TestServer* ConfiguredIntakeTest::server_ = nullptr;
std::string ConfiguredIntakeTest::token_;

TEST_F(ConfiguredIntakeTest, ClinicPolicyChangesTheScores) {
  v1::Assessment nine_answered = InitialAssessment(/*odi_each=*/1);
  nine_answered.mutable_odi_sections(4)->clear_score();
  v1::Assessment out;
  ASSERT_TRUE(Submit(nine_answered, &out).ok());
  EXPECT_EQ(out.result().odi_sections_answered(), 9);
  EXPECT_FALSE(out.result().odi_scorable());  // the clinic wants all 10
  EXPECT_EQ(out.result().starting_plan_template(),
            "planTemplates/strength-balance");

  ASSERT_TRUE(Submit(InitialAssessment(/*odi_each=*/2), &out).ok());  // 40 %
  EXPECT_EQ(out.result().dose_level(), v1::DOSE_LEVEL_REDUCED);       // > 30 %
}

TEST_F(ConfiguredIntakeTest, TodayIsTheClinicsDate) {
  absl::TimeZone clinic, ahead;
  ASSERT_TRUE(absl::LoadTimeZone("Pacific/Pago_Pago", &clinic));
  ASSERT_TRUE(absl::LoadTimeZone("Pacific/Kiritimati", &ahead));
  v1::Assessment out;
  ASSERT_TRUE(Submit(InitialAssessment(), &out).ok());
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), clinic);
  EXPECT_EQ(out.assessment_date().day(), today.day());
  EXPECT_EQ(out.assessment_date().month(), today.month());

  // Already tomorrow somewhere else is still the future here.
  const absl::CivilDay elsewhere = absl::ToCivilDay(absl::Now(), ahead);
  v1::Assessment in = InitialAssessment();
  in.mutable_assessment_date()->set_year(static_cast<int>(elsewhere.year()));
  in.mutable_assessment_date()->set_month(elsewhere.month());
  in.mutable_assessment_date()->set_day(elsewhere.day());
  grpc::Status s = Submit(in, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("assessment.assessment_date"), 1u);
}

}  // namespace
}  // namespace corebalance::test
