// PrescriptionService: assigning, reading and adjusting plans.

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/prescription/convert.h"
#include "services/prescription/prescription_service.h"
#include "services/prescription/request_checks.h"

namespace corebalance::prescription {
namespace {

#define RX_METHOD(name) "corebalance.v1.PrescriptionService/" name
constexpr MethodSpec kAssignPlan{RX_METHOD("AssignPlan"),
                                 Permission::kClinicalWrite, true};
constexpr MethodSpec kGetPlan{RX_METHOD("GetPlan"), Permission::kClinicalRead,
                              true};
constexpr MethodSpec kListPlans{RX_METHOD("ListPlans"),
                                Permission::kClinicalRead, true};
constexpr MethodSpec kAdjustPlan{RX_METHOD("AdjustPlan"),
                                 Permission::kClinicalWrite, true};
constexpr MethodSpec kListPlanRevisions{RX_METHOD("ListPlanRevisions"),
                                        Permission::kClinicalRead, true};
#undef RX_METHOD

bool IsKnownDoseLevel(v1::DoseLevel level) {
  return level == v1::DOSE_LEVEL_UNSPECIFIED ||
         level == v1::DOSE_LEVEL_STANDARD || level == v1::DOSE_LEVEL_REDUCED;
}

}  // namespace

grpc::ServerUnaryReactor* PrescriptionServiceImpl::AssignPlan(
    grpc::CallbackServerContext* context, const v1::AssignPlanRequest* request,
    v1::Plan* response) {
  return kit_->Unary(
      context, request, kAssignPlan, [=, this](RpcCall& call) -> absl::Status {
        call.SetRequestId(request->request_id());
        const std::string& parent = request->parent();
        const v1::Plan& in = request->plan();
        FieldViolations violations;
        const std::string patient_id =
            CheckPatientName("parent", parent, violations);
        call.AuditResource(absl::StrCat(parent, "/plans"),
                           patient_id.empty() ? "" : parent);
        std::string template_slug;
        if (!in.plan_template().empty()) {
          template_slug = IdFromName(in.plan_template(), "planTemplates");
          if (template_slug.empty()) {
            violations.push_back({"plan.plan_template",
                                  "must be a resource name like "
                                  "\"planTemplates/foundation\""});
          }
        }
        if (!IsKnownDoseLevel(in.dose_level())) {
          violations.push_back({"plan.dose_level", "unknown dose level"});
        }
        CheckOptionalText("override_reason", request->override_reason(), 1000,
                          violations);
        CheckRequestId(request->request_id(), violations);
        if (!violations.empty()) return InvalidArgumentError(violations);

        AssignPlanInput input;
        input.patient_id = patient_id;
        input.template_slug = template_slug;
        input.dose_level = in.dose_level();
        input.exercises = FromProto(in.exercises());
        input.override_reason =
            std::string(absl::StripAsciiWhitespace(request->override_reason()));
        input.request_key = call.IdempotencyKey(parent);
        CB_ASSIGN_OR_RETURN(
            PlanRecord plan,
            assign_plan_->Run(call.caller(), input, call.Change()));
        *response = ToProto(plan);
        call.AuditResource(response->name(), parent);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::GetPlan(
    grpc::CallbackServerContext* context, const v1::GetPlanRequest* request,
    v1::Plan* response) {
  return kit_->Unary(
      context, request, kGetPlan, [=, this](RpcCall& call) -> absl::Status {
        CB_ASSIGN_OR_RETURN(PlanKey key, ParsePlan(request->name(), "name"));
        call.AuditResource(request->name(), PatientName(key.patient_id));
        CB_ASSIGN_OR_RETURN(
            PlanRecord plan,
            plans_->GetPlan(call.principal().clinic_id, key.patient_id,
                            key.plan_id, call.deadline()));
        *response = ToProto(plan);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::ListPlans(
    grpc::CallbackServerContext* context, const v1::ListPlansRequest* request,
    v1::ListPlansResponse* response) {
  return kit_->Unary(
      context, request, kListPlans, [=, this](RpcCall& call) -> absl::Status {
        const std::string& parent = request->parent();
        std::string patient_id;
        if (parent != kAllPatients) {
          CB_ASSIGN_OR_RETURN(patient_id,
                              ParseId(parent, "patients", "parent"));
        }
        call.AuditResource(absl::StrCat(parent, "/plans"),
                           patient_id.empty() ? "" : parent);
        if (!v1::Plan::State_IsValid(request->state())) {
          return InvalidArgumentError("state", "unknown plan state");
        }
        const std::string filters =
            absl::StrCat("parent=", parent, ";state=", request->state());
        CB_ASSIGN_OR_RETURN(int page_size,
                            EffectivePageSize(request->page_size()));
        CB_ASSIGN_OR_RETURN(auto cursor,
                            DecodePageToken(request->page_token(), filters));
        CB_ASSIGN_OR_RETURN(
            std::vector<PlanRecord> plans,
            list_plans_->Run(call.caller(), {.patient_id = patient_id,
                                             .state = request->state(),
                                             .cursor = cursor,
                                             .limit = page_size + 1}));
        if (plans.size() > static_cast<size_t>(page_size)) {
          plans.resize(page_size);
          response->set_next_page_token(EncodePageToken(
              {ToMicros(plans.back().create_time), plans.back().id}, filters));
        }
        for (const auto& p : plans) *response->add_plans() = ToProto(p);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::AdjustPlan(
    grpc::CallbackServerContext* context, const v1::AdjustPlanRequest* request,
    v1::Plan* response) {
  return kit_->Unary(
      context, request, kAdjustPlan, [=, this](RpcCall& call) -> absl::Status {
        const v1::Plan& in = request->plan();
        CB_ASSIGN_OR_RETURN(PlanKey key, ParsePlan(in.name(), "plan.name"));
        call.AuditResource(in.name(), PatientName(key.patient_id));
        CB_ASSIGN_OR_RETURN(auto paths, CheckMask(request->update_mask(),
                                                  {"plan_template", "exercises",
                                                   "dose_level"}));
        const bool new_template = paths.count("plan_template") > 0;
        const bool new_exercises = paths.count("exercises") > 0;
        const bool new_level = paths.count("dose_level") > 0;
        FieldViolations violations;
        CheckReason("reason", request->reason(), violations);
        std::string template_slug;
        if (new_template) {
          template_slug = IdFromName(in.plan_template(), "planTemplates");
          if (template_slug.empty()) {
            violations.push_back({"plan.plan_template",
                                  "must be a resource name like "
                                  "\"planTemplates/stability\""});
          }
        }
        if (new_level) {
          if (in.dose_level() == v1::DOSE_LEVEL_UNSPECIFIED ||
              !IsKnownDoseLevel(in.dose_level())) {
            violations.push_back({"plan.dose_level",
                                  "must be DOSE_LEVEL_STANDARD or "
                                  "DOSE_LEVEL_REDUCED"});
          } else if (!new_template && !new_exercises) {
            violations.push_back(
                {"update_mask",
                 "dose_level changes only with plan_template or "
                 "exercises: it sets the level their doses are "
                 "derived at"});
          }
        }
        if (!violations.empty()) return InvalidArgumentError(violations);

        AdjustPlanInput input;
        input.plan = key;
        input.etag = in.etag();
        input.reason = request->reason();
        if (new_template) input.template_slug = template_slug;
        if (new_exercises) input.exercises = FromProto(in.exercises());
        if (new_level) input.dose_level = in.dose_level();
        CB_ASSIGN_OR_RETURN(
            PlanRecord plan,
            adjust_plan_->Run(call.caller(), input, call.Change()));
        *response = ToProto(plan);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::ListPlanRevisions(
    grpc::CallbackServerContext* context,
    const v1::ListPlanRevisionsRequest* request,
    v1::ListPlanRevisionsResponse* response) {
  return kit_->Unary(
      context, request, kListPlanRevisions,
      [=, this](RpcCall& call) -> absl::Status {
        CB_ASSIGN_OR_RETURN(PlanKey key,
                            ParsePlan(request->parent(), "parent"));
        call.AuditResource(request->parent(), PatientName(key.patient_id));
        const std::string& filters = request->parent();
        CB_ASSIGN_OR_RETURN(int page_size,
                            EffectivePageSize(request->page_size()));
        CB_ASSIGN_OR_RETURN(auto cursor,
                            DecodePageToken(request->page_token(), filters));
        const int before = cursor ? static_cast<int>(cursor->last_key) : 0;
        CB_ASSIGN_OR_RETURN(
            std::vector<RevisionRecord> revisions,
            plans_->ListRevisions(call.principal().clinic_id, key.patient_id,
                                  key.plan_id, before, page_size + 1,
                                  call.deadline()));
        if (revisions.size() > static_cast<size_t>(page_size)) {
          revisions.resize(page_size);
          response->set_next_page_token(EncodePageToken(
              {revisions.back().revision, key.plan_id}, filters));
        }
        for (const auto& r : revisions)
          *response->add_plan_revisions() = ToProto(r);
        return absl::OkStatus();
      });
}

}  // namespace corebalance::prescription
