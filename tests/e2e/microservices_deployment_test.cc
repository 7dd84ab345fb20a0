// The microservices shape of deploy/k8s, run locally: one corebalance-server
// process per server Deployment of the rendered overlay, configured only
// through the variables its ConfigMap sets (addresses and ports swapped for
// local ones) and the Deployment's arguments, serving a real flow across
// processes: prescription reads the assessment from intake over the network.

#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "corebalance/v1/prescription.grpc.pb.h"
#include "corebalance/v1/progress.grpc.pb.h"
#include "services/common/sql_time.h"
#include "tests/support/free_port.h"
#include "tests/support/process.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using test::Process;
using test::ProcessResult;
using test::RunProcess;
using test::ServerBinary;

using Env = std::map<std::string, std::string>;

// What deploy/k8s/test/print-env.mjs reports for an overlay.
struct Overlay {
  Env config;                     // ConfigMap variables
  std::set<std::string> secrets;  // variables read from Secrets
  std::map<std::string, std::vector<std::string>> servers;  // name -> args
  std::vector<std::string> migrate_args;
};

Overlay Render(const std::string& overlay) {
  ProcessResult r =
      RunProcess({"/usr/bin/env", "node",
                  COREBALANCE_SOURCE_DIR "/deploy/k8s/test/print-env.mjs",
                  COREBALANCE_SOURCE_DIR "/deploy/k8s/overlays/" + overlay});
  if (r.exit_code != 0) {
    ADD_FAILURE() << "print-env.mjs failed: " << r.err;
    return {};
  }
  Overlay out;
  for (absl::string_view line :
       absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    std::vector<std::string> rest(f.begin() + 2, f.end());
    if (f[0] == "config") out.config[f[1]] = f.size() > 2 ? f[2] : "";
    if (f[0] == "secret") out.secrets.insert(f[1]);
    if (f[0] == "server") out.servers[f[1]] = rest;
    if (f[0] == "job" && !rest.empty() && rest[0] == "migrate")
      out.migrate_args = rest;
  }
  return out;
}

// "--target=intake" -> "intake".
std::string TargetOf(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (absl::StartsWith(a, "--target=")) return a.substr(9);
  }
  return "";
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(c));
  return s;
}

class MicroservicesDeploymentTest : public ::testing::Test {
 protected:
  struct Ports {
    int grpc;
    int health;
  };

  void SetUp() override {
    overlay_ = Render("microservices");
    ASSERT_FALSE(overlay_.servers.empty());
    for (const auto& [name, args] : overlay_.servers) {
      const std::string target = TargetOf(args);
      ASSERT_FALSE(target.empty()) << name << " sets no --target";
      ports_[target] = {test::PickFreePort(), test::PickFreePort()};
    }
  }

  // The ConfigMap's variables with this machine's addresses: the test
  // database, 127.0.0.1 listeners, each peer's dns:/// address on its local
  // port. Secrets get test values. Nothing else is set.
  Env LocalEnv(const std::string& target) {
    Env env;
    for (const auto& [name, value] : overlay_.config) {
      std::string local = value;
      if (name == "COREBALANCE_MYSQL_URL") local = db_.url();
      // The mounted corebalance-db Secret: the test database's root has no
      // password, so the file is empty.
      if (name == "COREBALANCE_MYSQL_PASSWORD_FILE") local = PasswordFile();
      if (name == "COREBALANCE_LISTEN") {
        local = absl::StrCat("127.0.0.1:", ports_.at(target).grpc);
      }
      if (name == "COREBALANCE_HEALTH_LISTEN") {
        local = absl::StrCat("127.0.0.1:", ports_.at(target).health);
      }
      for (const auto& [peer, ports] : ports_) {
        if (name == absl::StrCat("COREBALANCE_", Upper(peer), "_ADDR")) {
          EXPECT_TRUE(absl::StartsWith(value, "dns:///"))
              << name << "=" << value;
          local = absl::StrCat("dns:///127.0.0.1:", ports.grpc);
        }
      }
      env[name] = local;
    }
    for (const std::string& name : overlay_.secrets) {
      if (name == "COREBALANCE_INTERNAL_KEY") env[name] = internal_key_;
      // The test database's root has no password: leave it out.
    }
    return env;
  }

  std::string PasswordFile() {
    if (password_file_.empty()) {
      password_file_ =
          absl::StrCat(::testing::TempDir(), "db-password-", getpid());
      std::ofstream(password_file_) << "";
    }
    return password_file_;
  }

  std::string Address(const std::string& target) const {
    return absl::StrCat("127.0.0.1:", ports_.at(target).grpc);
  }

  test::TestDatabase db_;
  Overlay overlay_;
  std::map<std::string, Ports> ports_;  // by target
  const std::string internal_key_ = "e2e-internal-key-shared-by-the-processes";
  std::string password_file_;
};

TEST_F(MicroservicesDeploymentTest, ServesAFlowAcrossTheOverlaysProcesses) {
  // Every service of the binary has its own Deployment.
  for (const char* target : {"access", "intake", "prescription", "progress"}) {
    ASSERT_TRUE(ports_.count(target))
        << "no Deployment with --target=" << target;
  }

  // The migration Job, then the clinic's first admin (an operator's step).
  ASSERT_FALSE(overlay_.migrate_args.empty()) << "no migration Job";
  std::vector<std::string> migrate{ServerBinary()};
  migrate.insert(migrate.end(), overlay_.migrate_args.begin(),
                 overlay_.migrate_args.end());
  ProcessResult migrated = RunProcess(migrate, LocalEnv("access"));
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
  ProcessResult boot =
      RunProcess({ServerBinary(), "bootstrap", "--clinic", "San Clemente",
                  "--admin-name", "Clinic Admin"},
                 {{"COREBALANCE_MYSQL_URL", db_.url()}});
  ASSERT_EQ(boot.exit_code, 0) << boot.err;
  const std::string admin = boot.out.substr(0, boot.out.find('\n'));

  std::vector<std::unique_ptr<Process>> servers;
  std::map<std::string, std::vector<std::string>> argv_of;  // by target
  std::map<std::string, Process*> process_of;               // by target
  for (const auto& [name, args] : overlay_.servers) {
    std::vector<std::string> argv{ServerBinary()};
    argv.insert(argv.end(), args.begin(), args.end());
    argv_of[TargetOf(args)] = argv;
    servers.push_back(
        std::make_unique<Process>(argv, LocalEnv(TargetOf(args))));
    process_of[TargetOf(args)] = servers.back().get();
  }
  // Ready as the kubelet sees it: the plaintext health port.
  for (const auto& [target, ports] : ports_) {
    ASSERT_TRUE(test::WaitForServing(ports.health, absl::Seconds(30)))
        << target << " never became ready";
    ASSERT_TRUE(test::WaitForServing(ports.grpc, absl::Seconds(10))) << target;
  }
  auto channel = [&](const std::string& target) {
    return grpc::CreateChannel(Address(target),
                               grpc::InsecureChannelCredentials());
  };

  v1::CallerIdentity me;
  grpc::Status s = v1::AccessService::NewStub(channel("access"))
                       ->GetCallerIdentity(test::Context(admin).get(), {}, &me);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(me.role(), v1::ROLE_ADMIN);
  EXPECT_EQ(me.clinic_display_name(), "San Clemente");

  // Intake: the intake process (which asks access over the network who the
  // caller is).
  auto intake = v1::IntakeService::NewStub(channel("intake"));
  v1::CreatePatientRequest create;
  create.mutable_patient()->set_given_name("Dana");
  create.mutable_patient()->set_family_name("Reyes");
  v1::Patient patient;
  s = intake->CreatePatient(test::Context(admin).get(), create, &patient);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_TRUE(absl::StartsWith(patient.name(), "patients/")) << patient.name();

  v1::SubmitAssessmentRequest submit;
  submit.set_parent(patient.name());
  v1::Assessment& a = *submit.mutable_assessment();
  a.set_kind(v1::Assessment::KIND_INITIAL);
  a.set_pain_duration_weeks(20);
  a.set_nprs_now(6);
  for (int i = 0; i < 10; ++i) a.add_odi_sections()->set_score(2);
  for (int i = 0; i < 9; ++i) a.add_start_back_answers(i == 8 ? 1 : 0);
  v1::Assessment assessment;
  s = intake->SubmitAssessment(test::Context(admin).get(), submit, &assessment);
  ASSERT_TRUE(s.ok()) << s.error_message();

  // The services really are apart: prescription does not host intake.
  v1::Patient not_here;
  s = v1::IntakeService::NewStub(channel("prescription"))
          ->CreatePatient(test::Context(admin).get(), create, &not_here);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNIMPLEMENTED)
      << s.error_message();

  // Prescription reads the latest assessment from the intake process.
  v1::AssignPlanRequest assign;
  assign.set_parent(patient.name());
  v1::Plan plan;
  s = v1::PrescriptionService::NewStub(channel("prescription"))
          ->AssignPlan(test::Context(admin).get(), assign, &plan);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(absl::StartsWith(plan.name(), patient.name() + "/plans/"))
      << plan.name();
  EXPECT_EQ(plan.assessment(), assessment.name());
  EXPECT_EQ(plan.state(), v1::Plan::STATE_ACTIVE);
  EXPECT_FALSE(plan.exercises().empty());

  // The practitioner's CLI against the same processes: each command talks to
  // the Deployment that hosts its service.
  auto cli = [&](const std::string& target, std::vector<std::string> args) {
    std::vector<std::string> argv{COREBALANCE_CLI_BIN,
                                  "--addr",
                                  Address(target),
                                  "--token",
                                  admin,
                                  "-o",
                                  "json"};
    argv.insert(argv.end(), args.begin(), args.end());
    return RunProcess(argv);
  };
  ProcessResult added = cli("intake", {"patients", "add", "--given-name",
                                       "Maya", "--family-name", "Ortiz"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const size_t at = added.out.find("\"name\": \"patients/");
  ASSERT_NE(at, std::string::npos) << added.out;
  const std::string cli_patient =
      added.out.substr(at + 9, added.out.find('"', at + 9) - (at + 9));
  ProcessResult recorded =
      cli("intake", {"intake", "record", cli_patient, "--duration-weeks", "20",
                     "--pain-now", "5", "--odi", "1,1,2,1,2,2,1,0,1,1",
                     "--start-back", "0,0,1,0,0,0,0,0,1"});
  ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
  EXPECT_TRUE(absl::StrContains(recorded.out, "DISPOSITION_PROCEED"))
      << recorded.out;
  ProcessResult assigned =
      cli("prescription", {"plans", "assign", cli_patient});
  ASSERT_EQ(assigned.exit_code, 0) << assigned.err;
  EXPECT_TRUE(absl::StrContains(assigned.out, "planTemplates/foundation"))
      << assigned.out;
  ProcessResult wrong_process =
      cli("prescription", {"patients", "show", cli_patient});
  EXPECT_NE(wrong_process.exit_code, 0) << "prescription does not host intake";

  // Progress keeps its own copy of plans and assessments: a session logged
  // at once after the assignment is checked against that plan.
  auto progress = v1::ProgressService::NewStub(channel("progress"));
  auto log = [&](const v1::Plan& followed, absl::Duration after,
                 v1::Session* out) {
    v1::LogSessionRequest request;
    request.set_parent(patient.name());
    v1::Session& session = *request.mutable_session();
    *session.mutable_perform_time() =
        ToProtoTime(FromProtoTime(followed.create_time()) + after);
    for (const auto& pe : followed.exercises()) {
      v1::SessionExercise& e = *session.add_exercises();
      e.set_exercise(pe.exercise());
      e.set_completed(true);
      e.set_sets(pe.dose().sets());
      e.set_reps(pe.dose().reps());
    }
    session.set_pain_before(3);
    session.set_worst_pain_during(4);
    session.set_pain_after(3);
    return progress->LogSession(test::Context(admin).get(), request, out);
  };
  v1::Session logged;
  s = log(plan, absl::Seconds(1), &logged);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(logged.plan_revision(), plan.revision());

  // Intake and prescription go away: sessions are still logged and
  // summaries read from the copy, which says how far behind it may be.
  std::set<Process*> stopped;
  for (const char* target : {"intake", "prescription"}) {
    process_of.at(target)->Signal(SIGTERM);
    EXPECT_EQ(process_of.at(target)->Wait(absl::Seconds(40)), 0);
    stopped.insert(process_of.at(target));
  }
  s = log(plan, absl::Seconds(2), &logged);
  ASSERT_TRUE(s.ok()) << "during the outage: " << s.error_message();
  v1::GetProgressSummaryRequest summarize;
  summarize.set_patient(patient.name());
  v1::ProgressSummary summary;
  s = progress->GetProgressSummary(test::Context(admin).get(), summarize,
                                   &summary);
  ASSERT_TRUE(s.ok()) << "during the outage: " << s.error_message();
  EXPECT_EQ(summary.plan(), plan.name());
  EXPECT_TRUE(summary.has_source_data_lag());

  // They come back; the copy catches up, and a log right after an
  // adjustment is checked against the new revision.
  for (const char* target : {"intake", "prescription"}) {
    servers.push_back(
        std::make_unique<Process>(argv_of.at(target), LocalEnv(target)));
    ASSERT_TRUE(test::WaitForServing(ports_.at(target).grpc, absl::Seconds(30)))
        << target;
  }
  v1::AdjustPlanRequest adjust;
  adjust.mutable_plan()->set_name(plan.name());
  adjust.mutable_plan()->add_exercises()->set_exercise("exercises/clamshell");
  adjust.mutable_update_mask()->add_paths("exercises");
  adjust.set_reason("ready for hip work");
  v1::Plan adjusted;
  s = v1::PrescriptionService::NewStub(channel("prescription"))
          ->AdjustPlan(test::Context(admin).get(), adjust, &adjusted);
  ASSERT_TRUE(s.ok()) << s.error_message();
  s = log(adjusted, absl::Seconds(3), &logged);
  ASSERT_TRUE(s.ok()) << "after the outage: " << s.error_message();
  EXPECT_EQ(logged.plan_revision(), adjusted.revision());
  s = progress->GetProgressSummary(test::Context(admin).get(), summarize,
                                   &summary);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_FALSE(summary.has_source_data_lag()) << "caught up";

  // SIGTERM as Kubernetes sends it: each drains by the ConfigMap's delays and
  // exits 0 within the pods' terminationGracePeriodSeconds (40 s).
  for (auto& p : servers) {
    if (!stopped.count(p.get())) p->Signal(SIGTERM);
  }
  for (auto& p : servers) {
    if (stopped.count(p.get())) continue;
    EXPECT_EQ(p->Wait(absl::Seconds(40)), 0) << p->err();
  }
}

}  // namespace
}  // namespace corebalance
