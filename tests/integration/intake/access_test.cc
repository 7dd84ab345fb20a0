// Who may do what with patients and assessments, other clinics, and the
// audit trail every call leaves.

#include <set>

#include "corebalance/v1/access.grpc.pb.h"
#include "tests/integration/intake/intake_fixture.h"

namespace corebalance::test {
namespace {

using IntakeAccessTest = IntakeTest;

// A patient with one INITIAL assessment, made by the practitioner.
struct Seeded {
  v1::Patient patient;
  v1::Assessment assessment;
};

Seeded Seed(const std::string& given, const std::string& family) {
  Seeded s;
  s.patient = IntakeTest::CreatePatient(given, family);
  grpc::Status status =
      IntakeTest::Submit(IntakeTest::Practitioner(), s.patient.name(),
                         InitialAssessment(), &s.assessment);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return s;
}

TEST_F(IntakeAccessTest, FrontDeskManagesDemographicsButNotAssessments) {
  const std::string desk = server_->StaffToken(v1::ROLE_FRONT_DESK, "Desk");
  const Seeded seeded = Seed("Seen", "ByDesk");

  v1::CreatePatientRequest create;
  create.mutable_patient()->set_given_name("Walk");
  create.mutable_patient()->set_family_name("In");
  v1::Patient p;
  ASSERT_TRUE(Stub()->CreatePatient(Context(desk).get(), create, &p).ok());
  v1::UpdatePatientRequest update;
  *update.mutable_patient() = p;
  update.mutable_patient()->set_phone("949 555 0199");
  update.mutable_update_mask()->add_paths("phone");
  ASSERT_TRUE(Stub()->UpdatePatient(Context(desk).get(), update, &p).ok());
  v1::GetPatientRequest get;
  get.set_name(seeded.patient.name());
  EXPECT_TRUE(Stub()->GetPatient(Context(desk).get(), get, &p).ok());
  v1::ListPatientsResponse listed;
  EXPECT_TRUE(Stub()->ListPatients(Context(desk).get(), {}, &listed).ok());
  v1::ArchivePatientRequest archive;
  archive.set_name(seeded.patient.name());
  EXPECT_TRUE(Stub()->ArchivePatient(Context(desk).get(), archive, &p).ok());

  v1::Assessment out;
  EXPECT_EQ(Submit(desk, seeded.patient.name(), InitialAssessment(), &out)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::GetAssessmentRequest get_assessment;
  get_assessment.set_name(seeded.assessment.name());
  grpc::Status s =
      Stub()->GetAssessment(Context(desk).get(), get_assessment, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(out.result().disposition_reasons().empty());
  v1::ListAssessmentsRequest list;
  list.set_parent(seeded.patient.name());
  v1::ListAssessmentsResponse assessments;
  EXPECT_EQ(Stub()
                ->ListAssessments(Context(desk).get(), list, &assessments)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(assessments.assessments_size(), 0);

  // The refusals are in the patient's audit trail.
  test::WaitForAuditRelay(*server_);
  v1::ListAuditEventsRequest audit_request;
  audit_request.set_patient(seeded.patient.name());
  audit_request.set_page_size(100);
  v1::ListAuditEventsResponse audit;
  ASSERT_TRUE(v1::AccessService::NewStub(server_->channel())
                  ->ListAuditEvents(Context(server_->admin_token()).get(),
                                    audit_request, &audit)
                  .ok());
  bool denied_read = false;
  for (const auto& e : audit.audit_events()) {
    denied_read |= e.action() == "corebalance.v1.IntakeService/GetAssessment" &&
                   e.outcome() == v1::AuditEvent::OUTCOME_DENIED &&
                   e.resource() == seeded.assessment.name();
  }
  EXPECT_TRUE(denied_read);
}

TEST_F(IntakeAccessTest, IntegrationTokensReadButNeverWrite) {
  const std::string integration = server_->IntegrationToken({"sessions.write"});
  const Seeded seeded = Seed("Read", "ByApp");

  v1::GetPatientRequest get;
  get.set_name(seeded.patient.name());
  v1::Patient p;
  EXPECT_TRUE(Stub()->GetPatient(Context(integration).get(), get, &p).ok());
  v1::ListPatientsResponse patients;
  EXPECT_TRUE(
      Stub()->ListPatients(Context(integration).get(), {}, &patients).ok());
  EXPECT_GE(patients.patients_size(), 1);
  v1::GetAssessmentRequest get_assessment;
  get_assessment.set_name(seeded.assessment.name());
  v1::Assessment a;
  ASSERT_TRUE(
      Stub()
          ->GetAssessment(Context(integration).get(), get_assessment, &a)
          .ok());
  EXPECT_EQ(a.name(), seeded.assessment.name());
  v1::ListAssessmentsRequest list;
  list.set_parent(seeded.patient.name());
  v1::ListAssessmentsResponse assessments;
  ASSERT_TRUE(
      Stub()
          ->ListAssessments(Context(integration).get(), list, &assessments)
          .ok());
  EXPECT_EQ(assessments.assessments_size(), 1);

  v1::CreatePatientRequest create;
  create.mutable_patient()->set_given_name("Not");
  create.mutable_patient()->set_family_name("Allowed");
  EXPECT_EQ(Stub()
                ->CreatePatient(Context(integration).get(), create, &p)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::UpdatePatientRequest update;
  *update.mutable_patient() = seeded.patient;
  update.mutable_update_mask()->add_paths("phone");
  EXPECT_EQ(Stub()
                ->UpdatePatient(Context(integration).get(), update, &p)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::ArchivePatientRequest archive;
  archive.set_name(seeded.patient.name());
  EXPECT_EQ(Stub()
                ->ArchivePatient(Context(integration).get(), archive, &p)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Submit(integration, seeded.patient.name(), InitialAssessment(), &a)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(IntakeAccessTest, AnotherClinicsPatientsAreNotFound) {
  const Seeded seeded = Seed("Only", "SanClemente");
  const std::string other = server_->OtherClinicAdminToken();

  v1::GetPatientRequest get;
  get.set_name(seeded.patient.name());
  v1::Patient p;
  EXPECT_EQ(Stub()->GetPatient(Context(other).get(), get, &p).error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::UpdatePatientRequest update;
  *update.mutable_patient() = seeded.patient;
  update.mutable_patient()->set_given_name("Hijacked");
  update.mutable_update_mask()->add_paths("given_name");
  EXPECT_EQ(
      Stub()->UpdatePatient(Context(other).get(), update, &p).error_code(),
      grpc::StatusCode::NOT_FOUND);
  v1::ArchivePatientRequest archive;
  archive.set_name(seeded.patient.name());
  EXPECT_EQ(
      Stub()->ArchivePatient(Context(other).get(), archive, &p).error_code(),
      grpc::StatusCode::NOT_FOUND);
  v1::ListPatientsResponse patients;
  ASSERT_TRUE(Stub()->ListPatients(Context(other).get(), {}, &patients).ok());
  EXPECT_EQ(patients.patients_size(), 0);

  v1::Assessment a;
  EXPECT_EQ(Submit(other, seeded.patient.name(), InitialAssessment(), &a)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::GetAssessmentRequest get_assessment;
  get_assessment.set_name(seeded.assessment.name());
  EXPECT_EQ(Stub()
                ->GetAssessment(Context(other).get(), get_assessment, &a)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::ListAssessmentsRequest list;
  list.set_parent(seeded.patient.name());
  v1::ListAssessmentsResponse assessments;
  EXPECT_EQ(Stub()
                ->ListAssessments(Context(other).get(), list, &assessments)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);

  // Untouched for its own clinic.
  ASSERT_TRUE(Stub()->GetPatient(Context(Practitioner()).get(), get, &p).ok());
  EXPECT_EQ(p.given_name(), "Only");
  EXPECT_EQ(p.state(), v1::Patient::STATE_ACTIVE);
}

TEST_F(IntakeAccessTest, EveryReadAndWriteIsAuditedWithThePatient) {
  const Seeded seeded = Seed("Audited", "Patient");
  v1::GetPatientRequest get;
  get.set_name(seeded.patient.name());
  v1::Patient p;
  ASSERT_TRUE(Stub()->GetPatient(Context(Practitioner()).get(), get, &p).ok());
  v1::GetAssessmentRequest get_assessment;
  get_assessment.set_name(seeded.assessment.name());
  v1::Assessment a;
  ASSERT_TRUE(
      Stub()
          ->GetAssessment(Context(Practitioner()).get(), get_assessment, &a)
          .ok());
  v1::ListAssessmentsRequest list;
  list.set_parent(seeded.patient.name());
  v1::ListAssessmentsResponse assessments;
  ASSERT_TRUE(
      Stub()
          ->ListAssessments(Context(Practitioner()).get(), list, &assessments)
          .ok());
  // A list names every patient it shows.
  v1::ListPatientsRequest list_patients;
  list_patients.set_name_contains("Audited");
  v1::ListPatientsResponse patients;
  ASSERT_TRUE(Stub()
                  ->ListPatients(Context(Practitioner()).get(), list_patients,
                                 &patients)
                  .ok());
  ASSERT_EQ(patients.patients_size(), 1);
  v1::UpdatePatientRequest update;
  *update.mutable_patient() = p;
  update.mutable_patient()->set_email("audited@example.com");
  update.mutable_update_mask()->add_paths("email");
  ASSERT_TRUE(
      Stub()->UpdatePatient(Context(Practitioner()).get(), update, &p).ok());

  test::WaitForAuditRelay(*server_);
  auto access = v1::AccessService::NewStub(server_->channel());
  v1::ListAuditEventsRequest audit;
  audit.set_patient(seeded.patient.name());
  audit.set_page_size(100);
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(access
                  ->ListAuditEvents(Context(server_->admin_token()).get(),
                                    audit, &events)
                  .ok());
  std::multiset<std::string> actions;
  for (const auto& e : events.audit_events()) {
    EXPECT_EQ(e.patient(), seeded.patient.name());
    actions.insert(e.action() + " " +
                   v1::AuditEvent::Outcome_Name(e.outcome()));
  }
  const std::string svc = "corebalance.v1.IntakeService/";
  EXPECT_EQ(actions.count(svc + "CreatePatient OUTCOME_SUCCESS"), 1u);
  EXPECT_EQ(actions.count(svc + "SubmitAssessment OUTCOME_SUCCESS"), 1u);
  EXPECT_EQ(actions.count(svc + "GetPatient OUTCOME_SUCCESS"), 1u);
  EXPECT_EQ(actions.count(svc + "GetAssessment OUTCOME_SUCCESS"), 1u);
  EXPECT_EQ(actions.count(svc + "ListAssessments OUTCOME_SUCCESS"), 1u);
  EXPECT_EQ(actions.count(svc + "UpdatePatient OUTCOME_SUCCESS"), 1u);
  EXPECT_EQ(actions.count(svc + "ListPatients OUTCOME_SUCCESS"), 1u);
}

}  // namespace
}  // namespace corebalance::test
