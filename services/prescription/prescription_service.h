#ifndef COREBALANCE_SERVICES_PRESCRIPTION_PRESCRIPTION_SERVICE_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_PRESCRIPTION_SERVICE_H_

// corebalance.v1.PrescriptionService. The handlers live in handlers/:
// catalogue_handlers.cc (exercises, templates), plan_handlers.cc (assign,
// read, adjust) and plan_state_handlers.cc (pause, resume, complete,
// cancel). Writes go through the use cases in use_cases/; reads go to the
// repositories directly.

#include "corebalance/v1/prescription.grpc.pb.h"
#include "services/common/service_kit.h"
#include "services/prescription/policy.h"
#include "services/prescription/repositories/catalogue_repository.h"
#include "services/prescription/repositories/plan_repository.h"
#include "services/prescription/rules/plan_state.h"
#include "services/prescription/use_cases/adjust_plan.h"
#include "services/prescription/use_cases/assign_plan.h"
#include "services/prescription/use_cases/change_plan_state.h"
#include "services/prescription/use_cases/edit_catalogue.h"
#include "services/prescription/use_cases/list_plans.h"

namespace corebalance::prescription {

class PrescriptionServiceImpl final
    : public v1::PrescriptionService::CallbackService {
 public:
  // The workflows that change something.
  struct UseCases {
    EditCatalogue* edit_catalogue;
    prescription::AssignPlan* assign_plan;
    prescription::AdjustPlan* adjust_plan;
    ChangePlanState* change_plan_state;
    prescription::ListPlans* list_plans;
  };

  PrescriptionServiceImpl(ServiceKit* kit, CatalogueRepository* catalogue,
                          PlanRepository* plans, UseCases use_cases,
                          DoseRules rules)
      : kit_(kit),
        catalogue_(catalogue),
        plans_(plans),
        edit_catalogue_(use_cases.edit_catalogue),
        assign_plan_(use_cases.assign_plan),
        adjust_plan_(use_cases.adjust_plan),
        change_plan_state_(use_cases.change_plan_state),
        list_plans_(use_cases.list_plans),
        rules_(rules) {}

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

  ServiceKit* kit_;
  CatalogueRepository* catalogue_;
  PlanRepository* plans_;
  EditCatalogue* edit_catalogue_;
  prescription::AssignPlan* assign_plan_;
  prescription::AdjustPlan* adjust_plan_;
  ChangePlanState* change_plan_state_;
  prescription::ListPlans* list_plans_;
  const DoseRules rules_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_PRESCRIPTION_SERVICE_H_
