#include "tests/integration/progress/progress_fixture.h"

#include "absl/time/clock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "services/common/sql_time.h"
#include "services/store/bind.h"
#include "services/store/pool.h"
#include "services/store/run.h"

namespace corebalance::test {

TestServer* ProgressTest::server_ = nullptr;
std::string ProgressTest::practitioner_;
std::string ProgressTest::front_desk_;

void ProgressTest::SetUpTestSuite() {
  TestServer::Options options;
  // Lets a second runtime (peers_test.cc) reach this one's access service.
  options.configure = [](server::ServerConfig& c) {
    c.internal_key = "progress-test-internal-key-0123456789";
    // Often, so a test can see the server scan (a fresh plan raises
    // nothing: adherence alerts need days).
    c.alert_scan_interval = absl::Milliseconds(300);
  };
  server_ = new TestServer(options);
  practitioner_ = server_->StaffToken(v1::ROLE_PRACTITIONER, "Pia");
  front_desk_ = server_->StaffToken(v1::ROLE_FRONT_DESK, "Fred");
}

void ProgressTest::TearDownTestSuite() {
  delete server_;
  server_ = nullptr;
}

std::unique_ptr<v1::ProgressService::Stub> ProgressTest::Stub() {
  return v1::ProgressService::NewStub(server_->channel());
}

void ProgressTest::BackdatePlan(const v1::Plan& plan, int days) {
  const std::string id = plan.name().substr(plan.name().rfind('/') + 1);
  store::Pool pool(server().database().config());
  absl::Status s = store::WithConnection(
      pool, absl::Now() + absl::Seconds(10), [&](store::Connection& c) {
        const std::string back = " - INTERVAL " + std::to_string(days) + " DAY";
        c.Execute("UPDATE prescription_plans SET create_time = create_time" +
                  back + ", adjust_time = adjust_time" + back +
                  " WHERE id = '" + id + "'");
        c.Execute(
            "UPDATE prescription_plan_revisions SET create_time = create_time" +
            back + " WHERE plan_id = '" + id + "'");
        return absl::OkStatus();
      });
  ASSERT_TRUE(s.ok()) << s;
  // Prescription's rows changed behind its events: progress's copy takes
  // them anew from a snapshot, as on an upgrade.
  ForgetCopiedPlan(plan);
}

void ProgressTest::WaitUntilCopied(const v1::Plan& plan) {
  const std::string id = plan.name().substr(plan.name().rfind('/') + 1);
  store::Pool pool(server().database().config());
  const absl::Time until = absl::Now() + absl::Seconds(10);
  for (;;) {
    auto copied = store::WithConnection(
        pool, until, [&](store::Connection& c) -> absl::StatusOr<bool> {
          auto rs = c.Query(
              "SELECT revision FROM progress_copy_plans"
              " WHERE plan_id = '" +
              id + "'");
          if (!rs->next() || rs->getInt("revision") < plan.revision()) {
            return false;
          }
          // And no snapshot is half done: both sources have their cursor.
          auto cursors =
              c.Query("SELECT COUNT(*) AS n FROM progress_copy_cursors");
          return cursors->next() && cursors->getInt("n") >= 2;
        });
    ASSERT_TRUE(copied.ok()) << copied.status();
    if (*copied) break;
    ASSERT_LT(absl::Now(), until) << "the copy never got " << plan.name();
    absl::SleepFor(absl::Milliseconds(20));
  }
}

void ProgressTest::ForgetCopiedPlan(const v1::Plan& plan) {
  // Once the copy has the plan's latest revision, no event of it is left
  // to apply, so nothing puts the old rows back.
  WaitUntilCopied(plan);
  const std::string id = plan.name().substr(plan.name().rfind('/') + 1);
  store::Pool pool(server().database().config());
  absl::Status s = store::WithTransaction(
      pool, absl::Now() + absl::Seconds(10), [&](store::Connection& c) {
        c.Execute("DELETE FROM progress_copy_plans WHERE plan_id = '" + id +
                  "'");
        c.Execute("DELETE FROM progress_copy_plan_revisions WHERE plan_id = '" +
                  id + "'");
        c.Execute(
            "DELETE FROM progress_copy_cursors WHERE source = 'prescription'");
        return absl::OkStatus();
      });
  ASSERT_TRUE(s.ok()) << s;
}

std::unique_ptr<server::ServerRuntime> ProgressTest::StartProgressReplica(
    const std::string& peers) {
  server::ServerConfig c = server().config();
  c.targets = {server::Target::kProgress};
  c.listen = "127.0.0.1:0";
  c.peer_addresses = {{server::Target::kAccess, server().address()},
                      {server::Target::kIntake, peers},
                      {server::Target::kPrescription, peers}};
  auto runtime = server::ServerRuntime::Start(c);
  EXPECT_TRUE(runtime.ok()) << runtime.status();
  return runtime.ok() ? *std::move(runtime) : nullptr;
}

std::vector<v1::Alert> ProgressTest::Alerts(const std::string& parent,
                                            v1::Alert::Kind kind,
                                            v1::Alert::State state,
                                            const std::string& token) {
  std::vector<v1::Alert> out;
  v1::ListAlertsRequest request;
  request.set_parent(parent);
  request.set_kind(kind);
  request.set_state(state);
  request.set_page_size(2);
  for (int pages = 0; pages < 500; ++pages) {
    v1::ListAlertsResponse page;
    grpc::Status s = Stub()->ListAlerts(
        Context(token.empty() ? Practitioner() : token).get(), request, &page);
    EXPECT_TRUE(s.ok()) << s.error_message();
    if (!s.ok()) break;
    out.insert(out.end(), page.alerts().begin(), page.alerts().end());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  return out;
}

v1::Session ProgressTest::RedSession(const v1::Plan& plan) {
  v1::Session s = GoodSession(plan);
  s.set_worst_pain_during(9);
  return s;
}

std::string ProgressTest::AssessedPatient(int nprs_now) {
  auto intake = v1::IntakeService::NewStub(server_->channel());
  v1::CreatePatientRequest create;
  create.mutable_patient()->set_given_name("Test");
  create.mutable_patient()->set_family_name("Patient");
  v1::Patient patient;
  grpc::Status s =
      intake->CreatePatient(Context(practitioner_).get(), create, &patient);
  EXPECT_TRUE(s.ok()) << s.error_message();
  v1::SubmitAssessmentRequest submit;
  submit.set_parent(patient.name());
  v1::Assessment& a = *submit.mutable_assessment();
  a.set_kind(v1::Assessment::KIND_INITIAL);
  a.set_pain_duration_weeks(20);
  a.set_nprs_now(nprs_now);
  for (int i = 0; i < 10; ++i) a.add_odi_sections()->set_score(2);
  for (int i = 0; i < 9; ++i) a.add_start_back_answers(0);
  v1::Assessment out;
  s = intake->SubmitAssessment(Context(practitioner_).get(), submit, &out);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return patient.name();
}

v1::Plan ProgressTest::PatientWithPlan(int nprs_now) {
  auto rx = v1::PrescriptionService::NewStub(server_->channel());
  v1::AssignPlanRequest assign;
  assign.set_parent(AssessedPatient(nprs_now));
  v1::Plan plan;
  grpc::Status s = rx->AssignPlan(Context(practitioner_).get(), assign, &plan);
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_GT(plan.exercises_size(), 1);
  return plan;
}

v1::Session ProgressTest::GoodSession(const v1::Plan& plan,
                                      absl::Duration after) {
  v1::Session s;
  s.set_plan(plan.name());
  *s.mutable_perform_time() =
      ToProtoTime(FromProtoTime(plan.create_time()) + after);
  for (const auto& pe : plan.exercises()) {
    v1::SessionExercise* e = s.add_exercises();
    e->set_exercise(pe.exercise());
    e->set_completed(true);
    e->set_sets(pe.dose().sets());
    e->set_reps(pe.dose().reps());
  }
  s.set_walking_minutes(10);
  s.set_pain_before(3);
  s.set_worst_pain_during(4);
  s.set_pain_after(3);
  s.set_rpe(5);
  return s;
}

std::string ProgressTest::PatientOf(const std::string& plan_name) {
  return plan_name.substr(0, plan_name.find("/plans/"));
}

grpc::Status ProgressTest::Log(const std::string& parent,
                               const v1::Session& session, v1::Session* out,
                               const std::string& request_id,
                               const std::string& token) {
  v1::LogSessionRequest request;
  request.set_parent(parent);
  *request.mutable_session() = session;
  request.set_request_id(request_id);
  return Stub()->LogSession(
      Context(token.empty() ? practitioner_ : token).get(), request, out);
}

v1::Session ProgressTest::MustLog(const v1::Session& session) {
  v1::Session out;
  grpc::Status s = Log(PatientOf(session.plan()), session, &out);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return out;
}

std::vector<v1::Session> ProgressTest::AllSessions(const std::string& patient,
                                                   int page_size) {
  std::vector<v1::Session> out;
  v1::ListSessionsRequest request;
  request.set_parent(patient);
  request.set_page_size(page_size);
  for (int pages = 0; pages < 100; ++pages) {
    v1::ListSessionsResponse page;
    grpc::Status s =
        Stub()->ListSessions(Context(practitioner_).get(), request, &page);
    EXPECT_TRUE(s.ok()) << s.error_message();
    if (!s.ok()) break;
    out.insert(out.end(), page.sessions().begin(), page.sessions().end());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  return out;
}

}  // namespace corebalance::test
