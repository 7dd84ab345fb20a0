#include "tests/integration/intake/intake_fixture.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace corebalance::test {

TestServer* IntakeTest::server_ = nullptr;
std::string IntakeTest::practitioner_token_;
std::string IntakeTest::practitioner_name_;

void IntakeTest::SetUpTestSuite() {
  server_ = new TestServer();
  practitioner_token_ =
      server_->StaffToken(v1::ROLE_PRACTITIONER, "Pat Practitioner");
  auto access = v1::AccessService::NewStub(server_->channel());
  v1::CallerIdentity me;
  grpc::Status s =
      access->GetCallerIdentity(Context(practitioner_token_).get(), {}, &me);
  ASSERT_TRUE(s.ok()) << s.error_message();
  practitioner_name_ = me.principal();
}

void IntakeTest::TearDownTestSuite() {
  delete server_;
  server_ = nullptr;
}

std::unique_ptr<v1::IntakeService::Stub> IntakeTest::Stub() {
  return v1::IntakeService::NewStub(server_->channel());
}

v1::Patient IntakeTest::CreatePatient(const std::string& given,
                                      const std::string& family) {
  v1::CreatePatientRequest request;
  request.mutable_patient()->set_given_name(given);
  request.mutable_patient()->set_family_name(family);
  v1::Patient patient;
  grpc::Status s =
      Stub()->CreatePatient(Context(Practitioner()).get(), request, &patient);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return patient;
}

grpc::Status IntakeTest::Submit(const std::string& token,
                                const std::string& patient,
                                const v1::Assessment& assessment,
                                v1::Assessment* out,
                                const std::string& request_id) {
  v1::SubmitAssessmentRequest request;
  request.set_parent(patient);
  *request.mutable_assessment() = assessment;
  request.set_request_id(request_id);
  return Stub()->SubmitAssessment(Context(token).get(), request, out);
}

v1::Assessment InitialAssessment(int odi_each) {
  v1::Assessment a;
  a.set_kind(v1::Assessment::KIND_INITIAL);
  a.set_pain_duration_weeks(20);
  a.set_nprs_now(6);
  a.set_nprs_best(3);
  a.set_nprs_worst(8);
  for (int i = 0; i < 10; ++i) a.add_odi_sections()->set_score(odi_each);
  for (int i = 0; i < 8; ++i) a.add_start_back_answers(0);
  a.add_start_back_answers(1);  // bothersomeness: slightly
  return a;
}

v1::Assessment FollowUpAssessment(int nprs_now, int odi_each) {
  v1::Assessment a;
  a.set_kind(v1::Assessment::KIND_FOLLOW_UP);
  a.set_nprs_now(nprs_now);
  for (int i = 0; i < 10; ++i) a.add_odi_sections()->set_score(odi_each);
  return a;
}

}  // namespace corebalance::test
