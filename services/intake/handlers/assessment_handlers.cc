// IntakeService's assessment RPCs.

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/page_token.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/intake/assessment_convert.h"
#include "services/intake/convert.h"
#include "services/intake/intake_service.h"
#include "services/intake/names.h"

namespace corebalance::intake {
namespace {

#define INTAKE_METHOD(name) "corebalance.v1.IntakeService/" name
constexpr MethodSpec kSubmitAssessment{INTAKE_METHOD("SubmitAssessment"),
                                       Permission::kClinicalWrite, true};
constexpr MethodSpec kGetAssessment{INTAKE_METHOD("GetAssessment"),
                                    Permission::kClinicalRead, true};
constexpr MethodSpec kListAssessments{INTAKE_METHOD("ListAssessments"),
                                      Permission::kClinicalRead, true};
#undef INTAKE_METHOD

std::string ParentProblem(const std::string& parent) {
  return absl::StrCat("must be a patient name like \"patients/abc123\", got \"",
                      parent, "\"");
}

}  // namespace

grpc::ServerUnaryReactor* IntakeServiceImpl::SubmitAssessment(
    grpc::CallbackServerContext* context,
    const v1::SubmitAssessmentRequest* request, v1::Assessment* response) {
  return kit_->Unary(
      context, request, kSubmitAssessment,
      [=, this](RpcCall& call) -> absl::Status {
        call.SetRequestId(request->request_id());
        const std::string patient_id = ParsePatientName(request->parent());
        call.AuditResource(request->parent(),
                           patient_id.empty() ? "" : request->parent());
        FieldViolations violations;
        if (patient_id.empty()) {
          violations.push_back({"parent", ParentProblem(request->parent())});
        }
        CheckRequestId(request->request_id(), violations);
        if (!request->has_assessment()) {
          violations.push_back({"assessment", "is required"});
          return InvalidArgumentError(violations);
        }
        const SubmittedAssessment submitted = ReadSubmittedAssessment(
            request->assessment(), patient_id, Today(), violations);
        if (!violations.empty()) return InvalidArgumentError(violations);

        SubmitAssessmentInput input;
        input.patient_id = patient_id;
        input.assessment = request->assessment();
        input.submitted = submitted;
        input.request_key = call.IdempotencyKey(request->parent());
        CB_ASSIGN_OR_RETURN(
            AssessmentRecord stored,
            submit_assessment_->Run(call.caller(), input, call.Change()));
        *response = stored.body;
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* IntakeServiceImpl::GetAssessment(
    grpc::CallbackServerContext* context,
    const v1::GetAssessmentRequest* request, v1::Assessment* response) {
  return kit_->Unary(
      context, request, kGetAssessment,
      [=, this](RpcCall& call) -> absl::Status {
        const auto name = ParseAssessmentName(request->name());
        call.AuditResource(request->name(),
                           name ? PatientName(name->patient_id) : "");
        if (!name) {
          return InvalidArgumentError(
              "name",
              absl::StrCat("must be an assessment name like "
                           "\"patients/abc123/assessments/def456\", got \"",
                           request->name(), "\""));
        }
        CB_ASSIGN_OR_RETURN(
            AssessmentRecord assessment,
            assessments_->Get(call.principal().clinic_id, name->patient_id,
                              name->assessment_id, call.deadline()));
        *response = assessment.body;
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* IntakeServiceImpl::ListAssessments(
    grpc::CallbackServerContext* context,
    const v1::ListAssessmentsRequest* request,
    v1::ListAssessmentsResponse* response) {
  return kit_->Unary(
      context, request, kListAssessments,
      [=, this](RpcCall& call) -> absl::Status {
        const std::string patient_id = ParsePatientName(request->parent());
        call.AuditResource(absl::StrCat(request->parent(), "/assessments"),
                           patient_id.empty() ? "" : request->parent());
        FieldViolations violations;
        if (patient_id.empty()) {
          violations.push_back({"parent", ParentProblem(request->parent())});
        }
        if (!v1::Assessment::Kind_IsValid(request->kind())) {
          violations.push_back(
              {"kind", absl::StrCat("unknown value ", request->kind())});
        }
        if (!violations.empty()) return InvalidArgumentError(violations);

        const std::string filters = absl::StrCat("kind=", request->kind());
        CB_ASSIGN_OR_RETURN(int page_size,
                            EffectivePageSize(request->page_size()));
        CB_ASSIGN_OR_RETURN(auto cursor, AssessmentCursorFromToken(
                                             request->page_token(), filters));
        CB_ASSIGN_OR_RETURN(
            std::vector<AssessmentRecord> assessments,
            assessments_->List(call.principal().clinic_id, patient_id,
                               request->kind(), cursor, page_size + 1,
                               call.deadline()));
        if (assessments.size() > static_cast<size_t>(page_size)) {
          assessments.resize(page_size);
          response->set_next_page_token(
              AssessmentPageToken(assessments.back(), filters));
        }
        for (const auto& a : assessments) *response->add_assessments() = a.body;
        return absl::OkStatus();
      });
}

}  // namespace corebalance::intake
