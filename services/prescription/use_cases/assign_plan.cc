#include "services/prescription/use_cases/assign_plan.h"

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/prescription/names.h"
#include "services/prescription/plan_history.h"
#include "services/prescription/rules/catalogue_seed.h"
#include "services/prescription/use_cases/plan_events.h"
#include "services/prescription/use_cases/plan_exercises.h"

namespace corebalance::prescription {
namespace {

// Not an RPC: the audit event written next to AssignPlan's when it
// overrides a REFER disposition, so the audit log alone shows every
// override.
constexpr char kOverrideAction[] =
    "corebalance.v1.PrescriptionService/AssignPlan:override_refer_disposition";

}  // namespace

absl::StatusOr<PlanRecord> AssignPlan::Run(const Caller& caller,
                                           const AssignPlanInput& input,
                                           outbox::ChangeEvents& events) {
  const std::string patient = PatientName(input.patient_id);
  if (!input.request_key.request_id.empty()) {
    CB_ASSIGN_OR_RETURN(
        auto earlier, plans_->FindAssigned(input.request_key, caller.deadline));
    if (earlier) return *std::move(earlier);
  }

  // The patient first: NOT_FOUND says which resource is missing.
  CB_RETURN_IF_ERROR(intake_->CheckPatient(patient, caller));
  CB_ASSIGN_OR_RETURN(std::optional<v1::Assessment> latest,
                      intake_->LatestAssessment(patient, caller));
  if (!latest) {
    return FailedPreconditionError(
        "ASSESSMENT_REQUIRED", "ASSESSMENT", patient,
        absl::StrCat(patient,
                     " has no assessment: submit one through IntakeService "
                     "before assigning a plan"));
  }
  const v1::AssessmentResult& result = latest->result();
  const bool refer =
      result.disposition() == v1::AssessmentResult::DISPOSITION_REFER;
  if (refer && input.override_reason.empty()) {
    return FailedPreconditionError(
        "REFERRAL_DISPOSITION", "DISPOSITION", latest->name(),
        absl::StrCat("the latest assessment (", latest->name(),
                     ") says REFER: refer the patient out, or give an "
                     "override_reason to start a program anyway"));
  }

  PlanRecord plan;
  plan.content.template_slug = input.template_slug;
  if (plan.content.template_slug.empty()) {
    plan.content.template_slug =
        IdFromName(result.starting_plan_template(), "planTemplates");
  }
  if (plan.content.template_slug.empty()) {
    plan.content.template_slug = PlanTemplateSeed().front().slug;
  }
  plan.content.dose_level = input.dose_level != v1::DOSE_LEVEL_UNSPECIFIED
                                ? input.dose_level
                                : result.dose_level();
  if (plan.content.dose_level == v1::DOSE_LEVEL_UNSPECIFIED) {
    plan.content.dose_level = v1::DOSE_LEVEL_STANDARD;
  }
  CB_ASSIGN_OR_RETURN(
      plan.content.exercises,
      ResolvePlanExercises(*catalogue_, caller.clinic_id,
                           plan.content.template_slug, input.exercises,
                           plan.content.dose_level, rules_, caller.deadline));
  plan.id = NewResourceId();
  plan.clinic_id = caller.clinic_id;
  plan.patient_id = input.patient_id;
  plan.assessment = latest->name();
  if (refer) plan.override_reason = input.override_reason;
  plan.assigned_by = caller.actor;

  const absl::Time now = NowMicros();
  const PlanChange assigned = AssignedPlan(plan, now);
  events.audit.set_resource(PlanName(plan.patient_id, plan.id));
  if (!plan.override_reason.empty()) {
    v1::AuditEvent& e = events.extra_audit.emplace_back(events.audit);
    e.set_action(kOverrideAction);
  }
  return tx_->CreateOnce<PlanRecord>(
      caller.deadline, events, plans_->request_ids(), input.request_key,
      [&](store::Connection& c) -> absl::StatusOr<PlanRecord> {
        // Every plan still open is closed by this one, in the same
        // transaction and under the patient's lock.
        for (const PlanRecord& open :
             plans_->LockOpenPlans(c, plan.clinic_id, plan.patient_id)) {
          const PlanChange closed =
              SupersededPlan(open, plan.id, caller.actor, now);
          CB_RETURN_IF_ERROR(plans_->WriteChange(c, closed));
          AddPlanEvent("plan.superseded", closed.plan, events);
        }
        plans_->Insert(c, assigned);
        AddPlanEvent("plan.assigned", assigned.plan, events);
        return assigned.plan;
      },
      [](const PlanRecord& p) { return PlanName(p.patient_id, p.id); },
      [&](store::Connection& c,
          const std::string& name) -> absl::StatusOr<PlanRecord> {
        auto found = plans_->FindNamed(c, plan.clinic_id, name);
        if (!found) return NotFoundError(name);
        return *found;
      });
}

}  // namespace corebalance::prescription
