// PrescriptionService: pausing, resuming, completing and cancelling plans.

#include "services/common/errors.h"
#include "services/common/retry_when_stale.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/prescription/convert.h"
#include "services/prescription/plan_history.h"
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

const char* EventType(PlanAction action) {
  switch (action) {
    case PlanAction::kPause:
      return "plan.paused";
    case PlanAction::kResume:
      return "plan.resumed";
    case PlanAction::kComplete:
      return "plan.completed";
    case PlanAction::kCancel:
      return "plan.cancelled";
    case PlanAction::kAdjust:
      break;
  }
  return "plan.adjusted";
}

}  // namespace

absl::Status PrescriptionServiceImpl::ChangeState(
    RpcCall& call, const std::string& name, const std::string& reason,
    const std::string& etag, PlanAction action, v1::Plan* response) {
  CB_ASSIGN_OR_RETURN(PlanKey key, ParsePlan(name, "name"));
  call.AuditResource(name, PatientName(key.patient_id));
  FieldViolations violations;
  CheckReason("reason", reason, violations);
  if (!violations.empty()) return InvalidArgumentError(violations);
  return RetryWhenStale(!etag.empty(), [&]() -> absl::Status {
    CB_ASSIGN_OR_RETURN(
        PlanRecord current,
        plans_->GetPlan(call.principal().clinic_id, key.patient_id, key.plan_id,
                        call.deadline()));
    CB_RETURN_IF_ERROR(CheckEtag(etag, current.revision, name));
    CB_ASSIGN_OR_RETURN(
        PlanChange change,
        PlanAfter(current, action, call.principal().name, reason, NowMicros()));
    CB_ASSIGN_OR_RETURN(PlanRecord written,
                        plans_->WriteChange(change, EventType(action),
                                            call.Change(), call.deadline()));
    *response = ToProto(written);
    return absl::OkStatus();
  });
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
