// Who may log and read sessions, and the audit trail naming the patient.

#include "tests/integration/progress/progress_fixture.h"

namespace corebalance::test {
namespace {

using ProgressAccessTest = ProgressTest;

TEST_F(ProgressAccessTest, FrontDeskHasNoAccess) {
  const v1::Plan plan = PatientWithPlan();
  const v1::Session logged = MustLog(GoodSession(plan));
  v1::Session out;
  EXPECT_EQ(
      Log(PatientOf(plan.name()), GoodSession(plan), &out, "", FrontDesk())
          .error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  v1::GetSessionRequest get;
  get.set_name(logged.name());
  EXPECT_EQ(
      Stub()->GetSession(Context(FrontDesk()).get(), get, &out).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(ProgressAccessTest, IntegrationLogsOnlyWithTheSessionsWriteScope) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  const std::string reader = server().IntegrationToken();
  const std::string writer = server().IntegrationToken({"sessions.write"});
  v1::Session out;
  EXPECT_EQ(Log(patient, GoodSession(plan), &out, "", reader).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  grpc::Status s = Log(patient, GoodSession(plan), &out, "", writer);
  ASSERT_TRUE(s.ok()) << s.error_message();

  v1::ListSessionsRequest list;
  list.set_parent(patient);
  v1::ListSessionsResponse page;
  s = Stub()->ListSessions(Context(reader).get(), list, &page);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(page.sessions_size(), 1);
}

TEST_F(ProgressAccessTest, AnotherClinicSeesNothing) {
  const v1::Plan plan = PatientWithPlan();
  const v1::Session logged = MustLog(GoodSession(plan));
  const std::string other = server().OtherClinicAdminToken();
  v1::GetSessionRequest get;
  get.set_name(logged.name());
  v1::Session out;
  EXPECT_EQ(Stub()->GetSession(Context(other).get(), get, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::Session in = GoodSession(plan);
  EXPECT_NE(Log(PatientOf(plan.name()), in, &out, "", other).error_code(),
            grpc::StatusCode::OK);
}

TEST_F(ProgressAccessTest, CallsAreAuditedWithThePatient) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  const v1::Session logged = MustLog(GoodSession(plan));
  bool found = false;
  for (const auto& e : AuditEventsOf(server(), patient)) {
    if (e.action() == "corebalance.v1.ProgressService/LogSession" &&
        e.resource() == logged.name()) {
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

// Every audit event naming `patient`, oldest first, but the audit reads
// (this function's own).
std::vector<v1::AuditEvent> PatientEvents(const std::string& patient) {
  std::vector<v1::AuditEvent> out;
  const auto newest_first = AuditEventsOf(ProgressTest::server(), patient);
  for (auto it = newest_first.rbegin(); it != newest_first.rend(); ++it) {
    if (it->action() != "corebalance.v1.AccessService/ListAuditEvents") {
      out.push_back(*it);
    }
  }
  return out;
}

TEST_F(ProgressAccessTest, ACallIsAuditedOnceNotAgainForItsPeerReads) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  const size_t before = PatientEvents(patient).size();
  // LogSession reads the plan from PrescriptionService and the assessment
  // from IntakeService with the caller's token.
  MustLog(GoodSession(plan));
  const std::vector<v1::AuditEvent> events = PatientEvents(patient);
  ASSERT_EQ(events.size(), before + 1);
  EXPECT_EQ(events.back().action(),
            "corebalance.v1.ProgressService/LogSession");
}

TEST_F(ProgressAccessTest, AForgedInternalKeyDoesNotEscapeTheAudit) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  const size_t before = PatientEvents(patient).size();
  auto context = Context(Practitioner());
  context->AddMetadata("x-corebalance-internal-key", "guessed-key");
  v1::ListSessionsRequest request;
  request.set_parent(patient);
  v1::ListSessionsResponse response;
  ASSERT_TRUE(Stub()->ListSessions(context.get(), request, &response).ok());
  const std::vector<v1::AuditEvent> events = PatientEvents(patient);
  ASSERT_EQ(events.size(), before + 1);
  EXPECT_EQ(events.back().action(),
            "corebalance.v1.ProgressService/ListSessions");
}

}  // namespace
}  // namespace corebalance::test
