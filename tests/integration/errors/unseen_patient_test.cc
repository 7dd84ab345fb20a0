// One answer for a patient the caller cannot see (README "API conventions"):
// NOT_FOUND from every method that names a patient, whether the patient is
// another clinic's or nobody's, and an empty list (not NOT_FOUND) for a
// patient of the caller's clinic who has nothing yet.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "services/common/resource_id.h"
#include "tests/integration/errors/calls.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

// Every method that names `patient`, with a request it would accept for a
// patient the caller can see (`plan`: a plan of theirs, for the session).
std::vector<NamedCall> CallsNaming(Stubs& stubs, const std::string& patient,
                                   const v1::Plan& plan) {
  using S = Stubs;
  v1::UpdatePatientRequest update;
  update.mutable_patient()->set_name(patient);
  update.mutable_patient()->set_given_name("Ana");
  update.mutable_update_mask()->add_paths("given_name");
  v1::ArchivePatientRequest archive;
  archive.set_name(patient);
  v1::ListAssessmentsRequest assessments;
  assessments.set_parent(patient);
  v1::ListPlansRequest plans;
  plans.set_parent(patient);
  v1::AssignPlanRequest assign;
  assign.set_parent(patient);
  v1::GetPlanRequest get_plan;
  get_plan.set_name(absl::StrCat(patient, "/plans/", LastSegment(plan.name())));
  v1::ListSessionsRequest sessions;
  sessions.set_parent(patient);
  const v1::LogSessionRequest log = SessionOf(patient, plan);
  v1::GetProgressSummaryRequest summary;
  summary.set_patient(patient);
  v1::ListAlertsRequest alerts;
  alerts.set_parent(patient);
  return {
      Rpc("GetPatient", stubs.intake.get(), &S::Intake::GetPatient,
          GetPatient(patient)),
      Rpc("UpdatePatient", stubs.intake.get(), &S::Intake::UpdatePatient,
          update),
      Rpc("ArchivePatient", stubs.intake.get(), &S::Intake::ArchivePatient,
          archive),
      Rpc("SubmitAssessment", stubs.intake.get(), &S::Intake::SubmitAssessment,
          NewAssessment(patient)),
      Rpc("ListAssessments", stubs.intake.get(), &S::Intake::ListAssessments,
          assessments),
      Rpc("ListPlans", stubs.prescription.get(), &S::Prescription::ListPlans,
          plans),
      Rpc("AssignPlan", stubs.prescription.get(), &S::Prescription::AssignPlan,
          assign),
      Rpc("GetPlan", stubs.prescription.get(), &S::Prescription::GetPlan,
          get_plan),
      Rpc("ListSessions", stubs.progress.get(), &S::Progress::ListSessions,
          sessions),
      Rpc("LogSession", stubs.progress.get(), &S::Progress::LogSession, log),
      Rpc("GetProgressSummary", stubs.progress.get(),
          &S::Progress::GetProgressSummary, summary),
      Rpc("ListAlerts", stubs.progress.get(), &S::Progress::ListAlerts, alerts),
  };
}

class UnseenPatientTest : public ::testing::Test {
 protected:
  UnseenPatientTest() : stubs_(server_.channel()) {}

  std::string NewPatientName(const std::string& token) {
    v1::Patient patient;
    const grpc::Status s = stubs_.intake->CreatePatient(
        test::Context(token).get(), NewPatient("Ortega"), &patient);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return patient.name();
  }

  // A patient of San Clemente, assessed, with a plan.
  v1::Plan PatientWithPlan() {
    const std::string patient = NewPatientName(server_.admin_token());
    v1::Assessment assessment;
    grpc::Status s = stubs_.intake->SubmitAssessment(
        test::Context(server_.admin_token()).get(), NewAssessment(patient),
        &assessment);
    EXPECT_TRUE(s.ok()) << s.error_message();
    v1::AssignPlanRequest assign;
    assign.set_parent(patient);
    v1::Plan plan;
    s = stubs_.prescription->AssignPlan(
        test::Context(server_.admin_token()).get(), assign, &plan);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return plan;
  }

  test::TestServer server_;
  Stubs stubs_;
};

TEST_F(UnseenPatientTest, AnotherClinicsPatientIsNotFoundInEveryMethod) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient =
      plan.name().substr(0, plan.name().find("/plans/"));
  const std::string other_clinic = server_.OtherClinicAdminToken();
  for (const NamedCall& call : CallsNaming(stubs_, patient, plan)) {
    auto context = test::Context(other_clinic);
    const grpc::Status status = call.call(*context);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND)
        << call.name << ": " << status.error_code() << " "
        << status.error_message();
  }
  // The patient's own clinic still sees them as they were.
  v1::Patient same;
  EXPECT_TRUE(stubs_.intake
                  ->GetPatient(test::Context(server_.admin_token()).get(),
                               GetPatient(patient), &same)
                  .ok());
  EXPECT_EQ(same.state(), v1::Patient::STATE_ACTIVE);
}

TEST_F(UnseenPatientTest, APatientNobodyHasIsNotFoundInEveryMethod) {
  const v1::Plan plan = PatientWithPlan();
  for (const NamedCall& call :
       CallsNaming(stubs_, "patients/nobody-by-this-id", plan)) {
    auto context = test::Context(server_.admin_token());
    const grpc::Status status = call.call(*context);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND)
        << call.name << ": " << status.error_code() << " "
        << status.error_message();
  }
}

TEST_F(UnseenPatientTest, AKnownPatientWithNothingYetHasEmptyLists) {
  const std::string patient = NewPatientName(server_.admin_token());
  const auto token = server_.admin_token();
  v1::ListAssessmentsRequest assessments;
  assessments.set_parent(patient);
  v1::ListAssessmentsResponse assessed;
  EXPECT_TRUE(
      stubs_.intake
          ->ListAssessments(test::Context(token).get(), assessments, &assessed)
          .ok());
  EXPECT_EQ(assessed.assessments_size(), 0);
  v1::ListPlansRequest plans;
  plans.set_parent(patient);
  v1::ListPlansResponse planned;
  const grpc::Status p = stubs_.prescription->ListPlans(
      test::Context(token).get(), plans, &planned);
  EXPECT_TRUE(p.ok()) << p.error_message();
  EXPECT_EQ(planned.plans_size(), 0);
  v1::ListSessionsRequest sessions;
  sessions.set_parent(patient);
  v1::ListSessionsResponse logged;
  const grpc::Status s = stubs_.progress->ListSessions(
      test::Context(token).get(), sessions, &logged);
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(logged.sessions_size(), 0);
  v1::ListAlertsRequest alerts;
  alerts.set_parent(patient);
  v1::ListAlertsResponse raised;
  const grpc::Status a =
      stubs_.progress->ListAlerts(test::Context(token).get(), alerts, &raised);
  EXPECT_TRUE(a.ok()) << a.error_message();
  EXPECT_EQ(raised.alerts_size(), 0);
}

}  // namespace
}  // namespace corebalance
