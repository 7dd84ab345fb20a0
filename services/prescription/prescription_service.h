#ifndef COREBALANCE_SERVICES_PRESCRIPTION_PRESCRIPTION_SERVICE_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_PRESCRIPTION_SERVICE_H_

// corebalance.v1.PrescriptionService. The handlers live in three files:
// catalogue_handlers.cc (exercises, templates), plan_handlers.cc (assign,
// read, adjust) and plan_state_handlers.cc (pause, resume, complete,
// cancel).

#include "corebalance/v1/prescription.grpc.pb.h"
#include "services/common/service_kit.h"
#include "services/prescription/catalogue_store.h"
#include "services/prescription/intake_client.h"
#include "services/prescription/plan_store.h"
#include "services/prescription/policy.h"
#include "services/prescription/rules/plan_state.h"

namespace corebalance::prescription {

class PrescriptionServiceImpl final
    : public v1::PrescriptionService::CallbackService {
 public:
  PrescriptionServiceImpl(ServiceKit* kit, CatalogueStore* catalogue,
                          PlanStore* plans, DoseRules rules)
      : kit_(kit), catalogue_(catalogue), plans_(plans), rules_(rules) {}

  // The peers, once the server runs; before the kit is wired, so that no
  // call sees them unset.
  void Wire(IntakeClient* intake) { intake_ = intake; }

#define CB_RPC(Method, Request, Response)                                \
  grpc::ServerUnaryReactor* Method(grpc::CallbackServerContext* context, \
                                   const v1::Request* request,           \
                                   v1::Response* response) override;
  CB_RPC(ListExercises, ListExercisesRequest, ListExercisesResponse)
  CB_RPC(GetExercise, GetExerciseRequest, Exercise)
  CB_RPC(CreateExercise, CreateExerciseRequest, Exercise)
  CB_RPC(UpdateExercise, UpdateExerciseRequest, Exercise)
  CB_RPC(ListPlanTemplates, ListPlanTemplatesRequest, ListPlanTemplatesResponse)
  CB_RPC(GetPlanTemplate, GetPlanTemplateRequest, PlanTemplate)
  CB_RPC(CreatePlanTemplate, CreatePlanTemplateRequest, PlanTemplate)
  CB_RPC(UpdatePlanTemplate, UpdatePlanTemplateRequest, PlanTemplate)
  CB_RPC(AssignPlan, AssignPlanRequest, Plan)
  CB_RPC(GetPlan, GetPlanRequest, Plan)
  CB_RPC(ListPlans, ListPlansRequest, ListPlansResponse)
  CB_RPC(AdjustPlan, AdjustPlanRequest, Plan)
  CB_RPC(ListPlanRevisions, ListPlanRevisionsRequest, ListPlanRevisionsResponse)
  CB_RPC(PausePlan, PausePlanRequest, Plan)
  CB_RPC(ResumePlan, ResumePlanRequest, Plan)
  CB_RPC(CompletePlan, CompletePlanRequest, Plan)
  CB_RPC(CancelPlan, CancelPlanRequest, Plan)
#undef CB_RPC

 private:
  // Pause, resume, complete and cancel: the same steps, another action.
  absl::Status ChangeState(RpcCall& call, const std::string& name,
                           const std::string& reason, const std::string& etag,
                           PlanAction action, v1::Plan* response);
  // Assigning over a REFER disposition gets an audit event of its own, so
  // the audit log alone shows every override.

  ServiceKit* kit_;
  CatalogueStore* catalogue_;
  PlanStore* plans_;
  const DoseRules rules_;
  IntakeClient* intake_ = nullptr;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_PRESCRIPTION_SERVICE_H_
