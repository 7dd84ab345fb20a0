// PrescriptionService: pausing, resuming, completing and cancelling plans.

#include "services/common/errors.h"
#include "services/common/status_macros.h"
#include "services/prescription/convert.h"
#include "services/prescription/prescription_service.h"
#include "services/prescription/request_checks.h"

namespace corebalance::prescription {
namespace {

#define RX_METHOD(name) "corebalance.v1.PrescriptionService/" name
constexpr MethodSpec kPausePlan{RX_METHOD("PausePlan"),
                                Permission::kClinicalWrite, true};
constexpr MethodSpec kResumePlan{RX_METHOD("ResumePlan"),
                                 Permission::kClinicalWrite, true};
constexpr MethodSpec kCompletePlan{RX_METHOD("CompletePlan"),
                                   Permission::kClinicalWrite, true};
constexpr MethodSpec kCancelPlan{RX_METHOD("CancelPlan"),
                                 Permission::kClinicalWrite, true};
#undef RX_METHOD

}  // namespace

absl::Status PrescriptionServiceImpl::ChangeState(
    RpcCall& call, const std::string& name, const std::string& reason,
    const std::string& etag, PlanAction action, v1::Plan* response) {
  CB_ASSIGN_OR_RETURN(PlanKey key, ParsePlan(name, "name"));
  call.AuditResource(name, PatientName(key.patient_id));
  FieldViolations violations;
  CheckReason("reason", reason, violations);
  if (!violations.empty()) return InvalidArgumentError(violations);
  CB_ASSIGN_OR_RETURN(
      PlanRecord plan,
      change_plan_state_->Run(call.caller(), {key, action, reason, etag},
                              call.Change()));
  *response = ToProto(plan);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::PausePlan(
    grpc::CallbackServerContext* context, const v1::PausePlanRequest* request,
    v1::Plan* response) {
  return kit_->Unary(context, request, kPausePlan, [=, this](RpcCall& call) {
    return ChangeState(call, request->name(), request->reason(),
                       request->etag(), PlanAction::kPause, response);
  });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::ResumePlan(
    grpc::CallbackServerContext* context, const v1::ResumePlanRequest* request,
    v1::Plan* response) {
  return kit_->Unary(context, request, kResumePlan, [=, this](RpcCall& call) {
    return ChangeState(call, request->name(), request->reason(),
                       request->etag(), PlanAction::kResume, response);
  });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::CompletePlan(
    grpc::CallbackServerContext* context,
    const v1::CompletePlanRequest* request, v1::Plan* response) {
  return kit_->Unary(context, request, kCompletePlan, [=, this](RpcCall& call) {
    return ChangeState(call, request->name(), request->reason(),
                       request->etag(), PlanAction::kComplete, response);
  });
}

grpc::ServerUnaryReactor* PrescriptionServiceImpl::CancelPlan(
    grpc::CallbackServerContext* context, const v1::CancelPlanRequest* request,
    v1::Plan* response) {
  return kit_->Unary(context, request, kCancelPlan, [=, this](RpcCall& call) {
    return ChangeState(call, request->name(), request->reason(),
                       request->etag(), PlanAction::kCancel, response);
  });
}

}  // namespace corebalance::prescription
