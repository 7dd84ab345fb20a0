// IntakeService's assessment RPCs.

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/page_token.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/intake/assessment_convert.h"
#include "services/intake/convert.h"
#include "services/intake/dates.h"
#include "services/intake/intake_service.h"
#include "services/intake/names.h"
#include "services/intake/scoring/score_assessment.h"

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

// The resource as stored and returned: the client's inputs with the
// defaults applied, and everything output-only set by the server.
v1::Assessment BodyOf(const v1::Assessment& in, const AssessmentRecord& record,
                      const AssessmentScores& scores) {
  v1::Assessment body = in;
  body.set_name(AssessmentName(record.patient_id, record.id));
  *body.mutable_assessment_date() = DateToProto(record.assessment_date);
  if (body.odi_version().empty())
    body.set_odi_version(std::string(kOdiVersion));
  *body.mutable_result() = ResultToProto(scores);
  body.set_submitted_by(record.submitted_by);
  *body.mutable_create_time() = ToProtoTime(record.create_time);
  return body;
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
        CB_ASSIGN_OR_RETURN(const AssessmentScores scores,
                            ScoreAssessment(submitted.input, policy_));

        AssessmentRecord record;
        record.id = NewResourceId();
        record.clinic_id = call.principal().clinic_id;
        record.patient_id = patient_id;
        record.kind = request->assessment().kind();
        record.assessment_date = submitted.input.assessed_on;
        record.supersedes_id = submitted.supersedes_id;
        record.nprs_now = submitted.input.nprs_now;
        record.odi_percent = scores.odi.percent;
        record.submitted_by = call.principal().name;
        record.create_time = NowMicros();
        record.body = BodyOf(request->assessment(), record, scores);
        record.disposition = record.body.result().disposition();

        const auto compare = [&](const std::optional<Baseline>& baseline,
                                 AssessmentRecord& done) -> absl::Status {
          if (!baseline) return absl::OkStatus();
          const OutcomeChange change =
              ComputeOutcomeChange({baseline->nprs_now, baseline->odi_percent},
                                   scores.measures, policy_);
          *done.body.mutable_result()->mutable_change_from_initial() =
              ChangeToProto(
                  change, AssessmentName(patient_id, baseline->assessment_id));
          return absl::OkStatus();
        };
        call.AuditResource(AssessmentName(patient_id, record.id),
                           request->parent());
        CB_ASSIGN_OR_RETURN(
            AssessmentRecord stored,
            assessments_->Submit(record, call.IdempotencyKey(request->parent()),
                                 compare, call.Change(), call.deadline()));
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
