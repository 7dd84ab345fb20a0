#include "tests/integration/prescription/prescription_fixture.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace corebalance::test {

TestServer* PrescriptionTest::server_ = nullptr;
std::string PrescriptionTest::practitioner_;
std::string PrescriptionTest::practitioner_name_;
std::string PrescriptionTest::front_desk_;
std::string PrescriptionTest::integration_;
Patients* PrescriptionTest::patients_ = nullptr;

std::string Patients::Create(const std::string& family) {
  v1::CreatePatientRequest request;
  request.mutable_patient()->set_given_name("Test");
  request.mutable_patient()->set_family_name(family);
  v1::Patient patient;
  grpc::Status s =
      stub_->CreatePatient(Context(token_).get(), request, &patient);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return patient.name();
}

v1::Assessment Patients::Assess(const std::string& patient, Intake kind) {
  v1::SubmitAssessmentRequest request;
  request.set_parent(patient);
  v1::Assessment& a = *request.mutable_assessment();
  a.set_kind(v1::Assessment::KIND_INITIAL);
  a.set_pain_duration_weeks(20);
  a.set_nprs_now(6);
  // ODI: 10 sections x 2 = 40 % (not above the reduced-dose cut-off), x 3 =
  // 60 %.
  const int odi_each = kind == Intake::kReduced ? 3 : 2;
  for (int i = 0; i < 10; ++i) a.add_odi_sections()->set_score(odi_each);
  for (int i = 0; i < 8; ++i) a.add_start_back_answers(0);
  a.add_start_back_answers(1);
  if (kind == Intake::kRefer) a.add_red_flags(v1::RED_FLAG_SADDLE_ANAESTHESIA);
  v1::Assessment out;
  grpc::Status s =
      stub_->SubmitAssessment(Context(token_).get(), request, &out);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return out;
}

std::string Patients::Assessed(Intake kind, const std::string& family) {
  const std::string patient = Create(family);
  Assess(patient, kind);
  return patient;
}

void PrescriptionTest::SetUpTestSuite() {
  server_ = new TestServer();
  practitioner_ =
      server_->StaffToken(v1::ROLE_PRACTITIONER, "Pia Practitioner");
  front_desk_ = server_->StaffToken(v1::ROLE_FRONT_DESK, "Fred Desk");
  integration_ = server_->IntegrationToken();
  auto access = v1::AccessService::NewStub(server_->channel());
  v1::CallerIdentity me;
  grpc::Status s =
      access->GetCallerIdentity(Context(practitioner_).get(), {}, &me);
  ASSERT_TRUE(s.ok()) << s.error_message();
  practitioner_name_ = me.principal();
  patients_ = new Patients(server_->channel(), practitioner_);
}

void PrescriptionTest::TearDownTestSuite() {
  delete patients_;
  patients_ = nullptr;
  delete server_;
  server_ = nullptr;
}

std::unique_ptr<v1::PrescriptionService::Stub> PrescriptionTest::Stub() {
  return v1::PrescriptionService::NewStub(server_->channel());
}

grpc::Status PrescriptionTest::Assign(const std::string& patient, v1::Plan* out,
                                      const v1::Plan& plan,
                                      const std::string& override_reason,
                                      const std::string& request_id) {
  v1::AssignPlanRequest request;
  request.set_parent(patient);
  *request.mutable_plan() = plan;
  request.set_override_reason(override_reason);
  request.set_request_id(request_id);
  return Stub()->AssignPlan(Context(practitioner_).get(), request, out);
}

v1::Plan PrescriptionTest::MustAssign(const std::string& patient,
                                      const v1::Plan& plan) {
  v1::Plan out;
  grpc::Status s = Assign(patient, &out, plan);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return out;
}

v1::Plan PrescriptionTest::MustGet(const std::string& name) {
  v1::GetPlanRequest request;
  request.set_name(name);
  v1::Plan out;
  grpc::Status s = Stub()->GetPlan(Context(practitioner_).get(), request, &out);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return out;
}

std::vector<v1::Plan> PrescriptionTest::AllPlans(const std::string& parent,
                                                 int page_size,
                                                 v1::Plan::State state) {
  std::vector<v1::Plan> out;
  v1::ListPlansRequest request;
  request.set_parent(parent);
  request.set_page_size(page_size);
  request.set_state(state);
  for (int pages = 0; pages < 100; ++pages) {
    v1::ListPlansResponse page;
    grpc::Status s =
        Stub()->ListPlans(Context(practitioner_).get(), request, &page);
    EXPECT_TRUE(s.ok()) << s.error_message();
    if (!s.ok()) break;
    out.insert(out.end(), page.plans().begin(), page.plans().end());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  return out;
}

std::vector<v1::PlanRevision> PrescriptionTest::AllRevisions(
    const std::string& plan) {
  std::vector<v1::PlanRevision> out;
  v1::ListPlanRevisionsRequest request;
  request.set_parent(plan);
  request.set_page_size(2);
  for (int pages = 0; pages < 100; ++pages) {
    v1::ListPlanRevisionsResponse page;
    grpc::Status s =
        Stub()->ListPlanRevisions(Context(practitioner_).get(), request, &page);
    EXPECT_TRUE(s.ok()) << s.error_message();
    if (!s.ok()) break;
    out.insert(out.end(), page.plan_revisions().begin(),
               page.plan_revisions().end());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  return out;
}

grpc::Status ActOnPlan(Act action, const std::string& name, v1::Plan* out,
                       const std::string& reason, const std::string& etag) {
  auto stub = PrescriptionTest::Stub();
  auto context = Context(PrescriptionTest::Practitioner());
  switch (action) {
    case Act::kPause: {
      v1::PausePlanRequest r;
      r.set_name(name);
      r.set_reason(reason);
      r.set_etag(etag);
      return stub->PausePlan(context.get(), r, out);
    }
    case Act::kResume: {
      v1::ResumePlanRequest r;
      r.set_name(name);
      r.set_reason(reason);
      r.set_etag(etag);
      return stub->ResumePlan(context.get(), r, out);
    }
    case Act::kComplete: {
      v1::CompletePlanRequest r;
      r.set_name(name);
      r.set_reason(reason);
      r.set_etag(etag);
      return stub->CompletePlan(context.get(), r, out);
    }
    case Act::kCancel: {
      v1::CancelPlanRequest r;
      r.set_name(name);
      r.set_reason(reason);
      r.set_etag(etag);
      return stub->CancelPlan(context.get(), r, out);
    }
    case Act::kAdjust: {
      v1::AdjustPlanRequest r;
      r.mutable_plan()->set_name(name);
      r.mutable_plan()->set_etag(etag);
      *r.mutable_plan()->add_exercises() = PlanExercise("walking");
      r.mutable_update_mask()->add_paths("exercises");
      r.set_reason(reason);
      return stub->AdjustPlan(context.get(), r, out);
    }
  }
  return grpc::Status::CANCELLED;
}

v1::PlanExercise PlanExercise(const std::string& slug, const v1::Dose* dose) {
  v1::PlanExercise e;
  e.set_exercise("exercises/" + slug);
  if (dose) *e.mutable_dose() = *dose;
  return e;
}

v1::Dose MakeDose(int sets, int reps, int hold_seconds, int duration_minutes,
                  int frequency_per_week) {
  v1::Dose d;
  d.set_sets(sets);
  d.set_reps(reps);
  d.set_hold_seconds(hold_seconds);
  d.set_duration_minutes(duration_minutes);
  d.set_frequency_per_week(frequency_per_week);
  return d;
}

}  // namespace corebalance::test
