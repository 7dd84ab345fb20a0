// PrescriptionService: assigning, reading and adjusting plans.

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/errors.h"
#include "services/common/principal_proto.h"
#include "services/common/resource_id.h"
#include "services/common/retry_when_stale.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/prescription/convert.h"
#include "services/prescription/plan_builder.h"
#include "services/prescription/plan_history.h"
#include "services/prescription/prescription_service.h"
#include "services/prescription/request_checks.h"
#include "services/prescription/rules/catalogue_seed.h"

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
// Not an RPC: the audit event written next to AssignPlan's when it
// overrides a REFER disposition.
constexpr char kOverrideAction[] =
    RX_METHOD("AssignPlan") ":override_refer_disposition";
#undef RX_METHOD

// AdjustPlan retries by itself this often when another change got in first
// and the client sent no etag (it asked for no optimistic check).

// The caller's own credentials, forwarded to IntakeService.
std::string Authorization(const RpcCall& call) {
  const auto& metadata = call.context()->client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return {};
  return std::string(it->second.data(), it->second.size());
}

bool IsKnownDoseLevel(v1::DoseLevel level) {
  return level == v1::DOSE_LEVEL_UNSPECIFIED ||
         level == v1::DOSE_LEVEL_STANDARD || level == v1::DOSE_LEVEL_REDUCED;
}

// The template a plan uses; an unknown one is the request's mistake.
absl::StatusOr<TemplateRecord> FindTemplate(CatalogueStore& catalogue,
                                            int64_t clinic_id,
                                            const std::string& slug,
                                            absl::Time deadline) {
  auto found = catalogue.GetTemplate(clinic_id, slug, deadline);
  if (absl::IsNotFound(found.status())) {
    return InvalidArgumentError(
        "plan.plan_template",
        absl::StrCat("no such plan template: ", TemplateName(slug)));
  }
  return found;
}

}  // namespace

grpc::ServerUnaryReactor* PrescriptionServiceImpl::AssignPlan(
    grpc::CallbackServerContext* context, const v1::AssignPlanRequest* request,
    v1::Plan* response) {
  return kit_->Unary(
      context, request, kAssignPlan, [=, this](RpcCall& call) -> absl::Status {
        call.SetRequestId(request->request_id());
        const int64_t clinic_id = call.principal().clinic_id;
        const std::string& parent = request->parent();
        const v1::Plan& in = request->plan();
        FieldViolations violations;
        const std::string patient_id = IdFromName(parent, "patients");
        if (patient_id.empty()) {
          violations.push_back(
              {"parent", absl::StrCat("must be a resource name like "
                                      "\"patients/abc123\", got \"",
                                      parent, "\"")});
        }
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

        // A retry of an assignment that went through gets the same plan, even
        // if the patient's intake has changed since.
        const store::RequestKey request_key = call.IdempotencyKey(parent);
        if (!request->request_id().empty()) {
          CB_ASSIGN_OR_RETURN(
              auto earlier, plans_->FindAssigned(request_key, call.deadline()));
          if (earlier) {
            *response = ToProto(*earlier);
            call.AuditResource(response->name(),
                               PatientName(earlier->patient_id));
            return absl::OkStatus();
          }
        }

        CB_ASSIGN_OR_RETURN(std::optional<v1::Assessment> latest,
                            intake_->LatestAssessment(
                                parent, Authorization(call), call.deadline()));
        if (!latest) {
          return FailedPreconditionError(
              "ASSESSMENT_REQUIRED", "ASSESSMENT", parent,
              absl::StrCat(
                  parent,
                  " has no assessment: submit one through IntakeService "
                  "before assigning a plan"));
        }
        const v1::AssessmentResult& result = latest->result();
        const bool refer =
            result.disposition() == v1::AssessmentResult::DISPOSITION_REFER;
        const std::string override_reason(
            absl::StripAsciiWhitespace(request->override_reason()));
        if (refer && override_reason.empty()) {
          return FailedPreconditionError(
              "REFERRAL_DISPOSITION", "DISPOSITION", latest->name(),
              absl::StrCat("the latest assessment (", latest->name(),
                           ") says REFER: refer the patient out, or give an "
                           "override_reason to start a program anyway"));
        }

        if (template_slug.empty()) {
          template_slug =
              IdFromName(result.starting_plan_template(), "planTemplates");
        }
        if (template_slug.empty())
          template_slug = PlanTemplateSeed().front().slug;
        PlanRecord plan;
        plan.content.dose_level = in.dose_level() != v1::DOSE_LEVEL_UNSPECIFIED
                                      ? in.dose_level()
                                      : result.dose_level();
        if (plan.content.dose_level == v1::DOSE_LEVEL_UNSPECIFIED) {
          plan.content.dose_level = v1::DOSE_LEVEL_STANDARD;
        }
        CB_ASSIGN_OR_RETURN(TemplateRecord plan_template,
                            FindTemplate(*catalogue_, clinic_id, template_slug,
                                         call.deadline()));
        CB_ASSIGN_OR_RETURN(
            auto known, catalogue_->DefaultDoses(clinic_id, call.deadline()));
        CB_ASSIGN_OR_RETURN(
            plan.content.exercises,
            BuildPlanExercises(FromProto(in.exercises()),
                               plan_template.exercises, plan.content.dose_level,
                               known, rules_, "plan.exercises"));
        plan.content.template_slug = template_slug;
        plan.id = NewResourceId();
        plan.clinic_id = clinic_id;
        plan.patient_id = patient_id;
        plan.assessment = latest->name();
        if (refer) plan.override_reason = override_reason;
        plan.assigned_by = call.principal().name;

        const absl::Time now = NowMicros();
        const PlanChange assigned = AssignedPlan(plan, now);
        const std::string actor = call.principal().name;
        auto supersede = [&](const PlanRecord& open) {
          return SupersededPlan(open, plan.id, actor, now);
        };
        call.AuditResource(PlanName(patient_id, plan.id), parent);
        outbox::ChangeEvents& events = call.Change();
        // Overriding a REFER disposition is audited as its own action.
        if (!plan.override_reason.empty()) {
          v1::AuditEvent& e = events.extra_audit.emplace_back(events.audit);
          e.set_action(kOverrideAction);
        }
        CB_ASSIGN_OR_RETURN(PlanRecord stored,
                            plans_->AssignPlan(assigned, supersede, request_key,
                                               events, call.deadline()));
        *response = ToProto(stored);
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
            plans_->ListPlans(call.principal().clinic_id, patient_id,
                              request->state(), cursor, page_size + 1,
                              call.deadline()));
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
        const int64_t clinic_id = call.principal().clinic_id;
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

        return RetryWhenStale(!in.etag().empty(), [&]() -> absl::Status {
          CB_ASSIGN_OR_RETURN(PlanRecord current,
                              plans_->GetPlan(clinic_id, key.patient_id,
                                              key.plan_id, call.deadline()));
          CB_RETURN_IF_ERROR(CheckEtag(in.etag(), current.revision, in.name()));
          PlanContent content = current.content;
          if (new_level) content.dose_level = in.dose_level();
          if (new_template) content.template_slug = template_slug;
          // A state problem outranks input problems: check it before resolving.
          CB_RETURN_IF_ERROR(
              AdjustedPlan(current, content, "", "", NowMicros()).status());
          CB_ASSIGN_OR_RETURN(
              TemplateRecord plan_template,
              FindTemplate(*catalogue_, clinic_id, content.template_slug,
                           call.deadline()));
          CB_ASSIGN_OR_RETURN(
              auto known, catalogue_->DefaultDoses(clinic_id, call.deadline()));
          std::vector<RequestedExercise> requested;
          if (new_exercises) requested = FromProto(in.exercises());
          CB_ASSIGN_OR_RETURN(
              content.exercises,
              BuildPlanExercises(requested, plan_template.exercises,
                                 content.dose_level, known, rules_,
                                 "plan.exercises"));
          CB_ASSIGN_OR_RETURN(
              PlanChange change,
              AdjustedPlan(current, std::move(content), call.principal().name,
                           request->reason(), NowMicros()));
          CB_ASSIGN_OR_RETURN(
              PlanRecord written,
              plans_->WriteChange(change, "plan.adjusted", call.Change(),
                                  call.deadline()));
          *response = ToProto(written);
          return absl::OkStatus();
        });
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
