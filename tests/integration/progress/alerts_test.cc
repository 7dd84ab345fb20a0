// Alerts raised by logged sessions: once per cause, listed, acknowledged.

#include <set>
#include <thread>

#include "tests/integration/progress/progress_fixture.h"

namespace corebalance::test {
namespace {

class AlertsTest : public ProgressTest {
 protected:
  static grpc::Status Acknowledge(const std::string& name,
                                  const std::string& note, v1::Alert* out,
                                  const std::string& token = "") {
    v1::AcknowledgeAlertRequest request;
    request.set_name(name);
    request.set_note(note);
    return Stub()->AcknowledgeAlert(
        Context(token.empty() ? Practitioner() : token).get(), request, out);
  }
};

TEST_F(AlertsTest, RedSessionRaisesOnePainFlare) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  MustLog(GoodSession(plan));
  EXPECT_TRUE(Alerts(patient).empty());

  v1::Session red;
  ASSERT_TRUE(Log(patient, RedSession(plan), &red, "red-1").ok());
  ASSERT_TRUE(Log(patient, RedSession(plan), &red, "red-1").ok());  // retry
  const std::vector<v1::Alert> alerts = Alerts(patient);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind(), v1::Alert::KIND_PAIN_FLARE);
  EXPECT_EQ(alerts[0].state(), v1::Alert::STATE_OPEN);
  EXPECT_NE(
      alerts[0].cause().find(red.name().substr(red.name().rfind('/') + 1)),
      std::string::npos)
      << alerts[0].cause();
  EXPECT_FALSE(alerts[0].message().empty());
  EXPECT_TRUE(alerts[0].name().rfind(patient + "/alerts/", 0) == 0);
}

TEST_F(AlertsTest, ConcurrentRaisersRaiseOnce) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  const v1::Session red = MustLog(RedSession(plan));
  // Every update raises again, from several threads at once.
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      v1::UpdateSessionRequest update;
      update.mutable_session()->set_name(red.name());
      update.mutable_session()->set_notes("note " + std::to_string(i));
      update.mutable_update_mask()->add_paths("notes");
      v1::Session out;
      Stub()->UpdateSession(Context(Practitioner()).get(), update, &out);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(Alerts(patient, v1::Alert::KIND_PAIN_FLARE).size(), 1u);
  // A second RED session is a new cause.
  MustLog(RedSession(plan));
  EXPECT_EQ(Alerts(patient, v1::Alert::KIND_PAIN_FLARE).size(), 2u);
}

TEST_F(AlertsTest, ClinicWideListAndFilters) {
  const v1::Plan a = PatientWithPlan();
  const v1::Plan b = PatientWithPlan();
  MustLog(RedSession(a));
  MustLog(RedSession(b));
  std::set<std::string> patients;
  for (const auto& alert : Alerts("patients/-")) {
    patients.insert(alert.name().substr(0, alert.name().find("/alerts/")));
  }
  EXPECT_TRUE(patients.count(PatientOf(a.name())));
  EXPECT_TRUE(patients.count(PatientOf(b.name())));
  EXPECT_TRUE(
      Alerts(PatientOf(a.name()), v1::Alert::KIND_LOW_ADHERENCE).empty());

  // Integrations read alerts.
  const std::string reader = server().IntegrationToken();
  EXPECT_EQ(Alerts(PatientOf(a.name()), v1::Alert::KIND_UNSPECIFIED,
                   v1::Alert::STATE_UNSPECIFIED, reader)
                .size(),
            1u);
}

TEST_F(AlertsTest, AcknowledgeOnceWithANote) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  MustLog(RedSession(plan));
  const std::vector<v1::Alert> open =
      Alerts(patient, v1::Alert::KIND_UNSPECIFIED, v1::Alert::STATE_OPEN);
  ASSERT_EQ(open.size(), 1u);
  const std::string name = open[0].name();

  v1::Alert out;
  EXPECT_EQ(Acknowledge(name, "", &out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Acknowledge(name, "called", &out, FrontDesk()).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Acknowledge(name, "called", &out, server().IntegrationToken())
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  grpc::Status s = Acknowledge(name, "called the patient; regressed", &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.state(), v1::Alert::STATE_ACKNOWLEDGED);
  EXPECT_EQ(out.acknowledge_note(), "called the patient; regressed");
  EXPECT_FALSE(out.acknowledged_by().empty());
  EXPECT_TRUE(out.has_acknowledge_time());
  EXPECT_EQ(Acknowledge(name, "again", &out).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(
      Alerts(patient, v1::Alert::KIND_UNSPECIFIED, v1::Alert::STATE_OPEN)
          .empty());
  EXPECT_EQ(Alerts(patient, v1::Alert::KIND_UNSPECIFIED,
                   v1::Alert::STATE_ACKNOWLEDGED)
                .size(),
            1u);

  // Audited with the patient named.
  test::WaitForAuditRelay(server());
  auto access = v1::AccessService::NewStub(server().channel());
  v1::ListAuditEventsRequest request;
  request.set_patient(patient);
  request.set_page_size(1000);
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(access
                  ->ListAuditEvents(Context(server().admin_token()).get(),
                                    request, &events)
                  .ok());
  bool found = false;
  for (const auto& e : events.audit_events()) {
    found |= e.action() == "corebalance.v1.ProgressService/AcknowledgeAlert" &&
             e.resource() == name;
  }
  EXPECT_TRUE(found);

  // Another clinic cannot see it.
  EXPECT_EQ(Acknowledge(name, "x", &out, server().OtherClinicAdminToken())
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

}  // namespace
}  // namespace corebalance::test
