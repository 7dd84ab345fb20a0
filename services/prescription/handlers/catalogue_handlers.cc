// PrescriptionService: the exercise catalogue and plan templates.

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/prescription/convert.h"
#include "services/prescription/prescription_service.h"
#include "services/prescription/request_checks.h"

namespace corebalance::prescription {
namespace {

#define RX_METHOD(name) "corebalance.v1.PrescriptionService/" name
// Catalogue reads hold no patient data and are not audited; writes are.
constexpr MethodSpec kListExercises{RX_METHOD("ListExercises"),
                                    Permission::kCatalogueRead, false};
constexpr MethodSpec kGetExercise{RX_METHOD("GetExercise"),
                                  Permission::kCatalogueRead, false};
constexpr MethodSpec kCreateExercise{RX_METHOD("CreateExercise"),
                                     Permission::kCatalogueWrite, true};
constexpr MethodSpec kUpdateExercise{RX_METHOD("UpdateExercise"),
                                     Permission::kCatalogueWrite, true};
constexpr MethodSpec kListPlanTemplates{RX_METHOD("ListPlanTemplates"),
                                        Permission::kCatalogueRead, false};
constexpr MethodSpec kGetPlanTemplate{RX_METHOD("GetPlanTemplate"),
                                      Permission::kCatalogueRead, false};
constexpr MethodSpec kCreatePlanTemplate{RX_METHOD("CreatePlanTemplate"),
                                         Permission::kCatalogueWrite, true};
constexpr MethodSpec kUpdatePlanTemplate{RX_METHOD("UpdatePlanTemplate"),
                                         Permission::kCatalogueWrite, true};
#undef RX_METHOD

const std::vector<std::string>& ExerciseFields() {
  static const auto* fields = new std::vector<std::string>{
      "display_name", "level",        "body_region", "equipment",
      "instructions", "default_dose", "regression",  "progression"};
  return *fields;
}

const std::vector<std::string>& TemplateFields() {
  static const auto* fields =
      new std::vector<std::string>{"display_name", "description", "phase",
                                   "first_week",   "last_week",   "exercises"};
  return *fields;
}

// The seeded catalogue is shared by every clinic: nobody edits it.
absl::Status ReadOnlyGlobal(const std::string& name) {
  return FailedPreconditionError(
      "GLOBAL_CATALOGUE", "CATALOGUE", name,
      absl::StrCat(name,
                   " belongs to the shared seeded catalogue and cannot "
                   "be changed; create a clinic-specific one instead"));
}

}  // namespace

grpc::ServerUnaryReactor* PrescriptionServiceImpl::ListExercises(
    grpc::CallbackServerContext* context,
    const v1::ListExercisesRequest* request,
    v1::ListExercisesResponse* response) {
  return kit_->Unary(
      context, request, kListExercises,
      [=, this](RpcCall& call) -> absl::Status {
        ExerciseFilter filter{request->level(), request->body_region(),
                              request->equipment()};
        FieldViolations violations;
        if (!v1::Exercise::Level_IsValid(filter.level)) {
          violations.push_back({"level", "unknown level"});
        }
        CheckOptionalText("body_region", filter.body_region, 200, violations);
        CheckOptionalText("equipment", filter.equipment, 40, violations);
        if (!violations.empty()) return InvalidArgumentError(violations);
        const std::string filters =
            absl::StrCat("level=", filter.level, ";region=", filter.body_region,
                         ";equipment=", filter.equipment);
        CB_ASSIGN_OR_RETURN(int page_size,
                            EffectivePageSize(request->page_size()));
        CB_ASSIGN_OR_RETURN(auto cursor,
                            DecodePageToken(request->page_token(), filters));
        CB_ASSIGN_OR_RETURN(
            std::vector<ExerciseRecord> exercises,
            catalogue_->ListExercises(call.principal().clinic_id, filter,
                                      cursor, page_size + 1, call.deadline()));
        if (exercises.size() > static_cast<size_t>(page_size)) {
          exercises.resize(page_size);
          response->set_next_page_token(EncodePageToken(
              {exercises.back().clinic_id, exercises.back().slug}, filters));
        }
        for (const auto& e : exercises) *response->add_exercises() = ToProto(e);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::GetExercise(
    grpc::CallbackServerContext* context, const v1::GetExerciseRequest* request,
    v1::Exercise* response) {
  return kit_->Unary(
      context, request, kGetExercise, [=, this](RpcCall& call) -> absl::Status {
        CB_ASSIGN_OR_RETURN(std::string slug,
                            ParseId(request->name(), "exercises", "name"));
        CB_ASSIGN_OR_RETURN(ExerciseRecord exercise,
                            catalogue_->GetExercise(call.principal().clinic_id,
                                                    slug, call.deadline()));
        *response = ToProto(exercise);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::CreateExercise(
    grpc::CallbackServerContext* context,
    const v1::CreateExerciseRequest* request, v1::Exercise* response) {
  return kit_->Unary(
      context, request, kCreateExercise,
      [=, this](RpcCall& call) -> absl::Status {
        call.SetRequestId(request->request_id());
        call.AuditResource(ExerciseName(request->exercise_id()));
        const int64_t clinic_id = call.principal().clinic_id;
        CB_ASSIGN_OR_RETURN(
            auto known, catalogue_->DefaultDoses(clinic_id, call.deadline()));
        FieldViolations violations;
        if (!IsValidResourceId(request->exercise_id())) {
          violations.push_back({"exercise_id",
                                "must be 1..63 lower-case letters, digits and "
                                "hyphens, e.g. \"wall-squat\""});
        }
        CheckRequestId(request->request_id(), violations);
        ExerciseRecord exercise =
            ExerciseFromProto(request->exercise(), request->exercise_id(),
                              known, rules_.limits, violations);
        if (!violations.empty()) return InvalidArgumentError(violations);
        CB_ASSIGN_OR_RETURN(ExerciseRecord created,
                            edit_catalogue_->CreateExercise(
                                call.caller(), std::move(exercise),
                                call.IdempotencyKey(""), call.Change()));
        *response = ToProto(created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::UpdateExercise(
    grpc::CallbackServerContext* context,
    const v1::UpdateExerciseRequest* request, v1::Exercise* response) {
  return kit_->Unary(
      context, request, kUpdateExercise,
      [=, this](RpcCall& call) -> absl::Status {
        const v1::Exercise& in = request->exercise();
        call.AuditResource(in.name());
        const int64_t clinic_id = call.principal().clinic_id;
        CB_ASSIGN_OR_RETURN(std::string slug,
                            ParseId(in.name(), "exercises", "exercise.name"));
        CB_ASSIGN_OR_RETURN(
            auto paths, CheckMask(request->update_mask(), ExerciseFields()));
        CB_ASSIGN_OR_RETURN(
            ExerciseRecord stored,
            catalogue_->GetExercise(clinic_id, slug, call.deadline()));
        if (stored.clinic_id == kGlobalClinic) return ReadOnlyGlobal(in.name());
        CB_RETURN_IF_ERROR(CheckEtag(in.etag(), stored.revision, in.name()));
        v1::Exercise merged = ToProto(stored);
        MergeMasked(in, paths, &merged);
        CB_ASSIGN_OR_RETURN(
            auto known, catalogue_->DefaultDoses(clinic_id, call.deadline()));
        FieldViolations violations;
        ExerciseRecord updated =
            ExerciseFromProto(merged, slug, known, rules_.limits, violations);
        if (!violations.empty()) return InvalidArgumentError(violations);
        CB_ASSIGN_OR_RETURN(
            ExerciseRecord saved,
            edit_catalogue_->UpdateExercise(call.caller(), updated,
                                            stored.revision, call.Change()));
        *response = ToProto(saved);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::ListPlanTemplates(
    grpc::CallbackServerContext* context,
    const v1::ListPlanTemplatesRequest* request,
    v1::ListPlanTemplatesResponse* response) {
  return kit_->Unary(
      context, request, kListPlanTemplates,
      [=, this](RpcCall& call) -> absl::Status {
        constexpr char kFilters[] = "";
        CB_ASSIGN_OR_RETURN(int page_size,
                            EffectivePageSize(request->page_size()));
        CB_ASSIGN_OR_RETURN(auto cursor,
                            DecodePageToken(request->page_token(), kFilters));
        CB_ASSIGN_OR_RETURN(
            std::vector<TemplateRecord> templates,
            catalogue_->ListTemplates(call.principal().clinic_id, cursor,
                                      page_size + 1, call.deadline()));
        if (templates.size() > static_cast<size_t>(page_size)) {
          templates.resize(page_size);
          response->set_next_page_token(EncodePageToken(
              {templates.back().phase, templates.back().slug}, kFilters));
        }
        for (const auto& t : templates)
          *response->add_plan_templates() = ToProto(t);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::GetPlanTemplate(
    grpc::CallbackServerContext* context,
    const v1::GetPlanTemplateRequest* request, v1::PlanTemplate* response) {
  return kit_->Unary(
      context, request, kGetPlanTemplate,
      [=, this](RpcCall& call) -> absl::Status {
        CB_ASSIGN_OR_RETURN(std::string slug,
                            ParseId(request->name(), "planTemplates", "name"));
        CB_ASSIGN_OR_RETURN(TemplateRecord plan_template,
                            catalogue_->GetTemplate(call.principal().clinic_id,
                                                    slug, call.deadline()));
        *response = ToProto(plan_template);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::CreatePlanTemplate(
    grpc::CallbackServerContext* context,
    const v1::CreatePlanTemplateRequest* request, v1::PlanTemplate* response) {
  return kit_->Unary(
      context, request, kCreatePlanTemplate,
      [=, this](RpcCall& call) -> absl::Status {
        call.SetRequestId(request->request_id());
        call.AuditResource(TemplateName(request->plan_template_id()));
        const int64_t clinic_id = call.principal().clinic_id;
        CB_ASSIGN_OR_RETURN(
            auto known, catalogue_->DefaultDoses(clinic_id, call.deadline()));
        FieldViolations violations;
        if (!IsValidResourceId(request->plan_template_id())) {
          violations.push_back({"plan_template_id",
                                "must be 1..63 lower-case letters, digits and "
                                "hyphens, e.g. \"post-op-foundation\""});
        }
        CheckRequestId(request->request_id(), violations);
        TemplateRecord plan_template = TemplateFromProto(
            request->plan_template(), known, rules_.limits, violations);
        if (!violations.empty()) return InvalidArgumentError(violations);
        plan_template.slug = request->plan_template_id();
        CB_ASSIGN_OR_RETURN(TemplateRecord created,
                            edit_catalogue_->CreateTemplate(
                                call.caller(), std::move(plan_template),
                                call.IdempotencyKey(""), call.Change()));
        *response = ToProto(created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::UpdatePlanTemplate(
    grpc::CallbackServerContext* context,
    const v1::UpdatePlanTemplateRequest* request, v1::PlanTemplate* response) {
  return kit_->Unary(
      context, request, kUpdatePlanTemplate,
      [=, this](RpcCall& call) -> absl::Status {
        const v1::PlanTemplate& in = request->plan_template();
        call.AuditResource(in.name());
        const int64_t clinic_id = call.principal().clinic_id;
        CB_ASSIGN_OR_RETURN(
            std::string slug,
            ParseId(in.name(), "planTemplates", "plan_template.name"));
        CB_ASSIGN_OR_RETURN(
            auto paths, CheckMask(request->update_mask(), TemplateFields()));
        CB_ASSIGN_OR_RETURN(
            TemplateRecord stored,
            catalogue_->GetTemplate(clinic_id, slug, call.deadline()));
        if (stored.clinic_id == kGlobalClinic) return ReadOnlyGlobal(in.name());
        CB_RETURN_IF_ERROR(CheckEtag(in.etag(), stored.revision, in.name()));
        v1::PlanTemplate merged = ToProto(stored);
        MergeMasked(in, paths, &merged);
        CB_ASSIGN_OR_RETURN(
            auto known, catalogue_->DefaultDoses(clinic_id, call.deadline()));
        FieldViolations violations;
        TemplateRecord updated =
            TemplateFromProto(merged, known, rules_.limits, violations);
        if (!violations.empty()) return InvalidArgumentError(violations);
        updated.slug = slug;
        CB_ASSIGN_OR_RETURN(
            TemplateRecord saved,
            edit_catalogue_->UpdateTemplate(call.caller(), updated,
                                            stored.revision, call.Change()));
        *response = ToProto(saved);
        return absl::OkStatus();
      });
}

}  // namespace corebalance::prescription
