#include "services/peers/prescription_client.h"

#include <grpcpp/client_context.h>

#include <algorithm>

#include "services/common/peer_call.h"

namespace corebalance::peers {
namespace {

constexpr absl::string_view kPrescription = "prescription";

}  // namespace

PrescriptionClient::PrescriptionClient(std::shared_ptr<grpc::Channel> channel,
                                       std::string internal_key,
                                       bool in_process)
    : remote_(in_process ? nullptr : channel),
      stub_(channel ? v1::PrescriptionService::NewStub(channel) : nullptr),
      internal_key_(std::move(internal_key)) {}

// One unary call of the stub, on behalf of `caller`.
#define CB_PRESCRIPTION_CALL(Method, request, response)                        \
  do {                                                                         \
    if (!stub_) {                                                              \
      return PeerUnavailable(kPrescription, "not configured in this process"); \
    }                                                                          \
    grpc::ClientContext context;                                               \
    PreparePeerCall(context, {caller.authorization, internal_key_},            \
                    caller.deadline);                                          \
    absl::Status status = MapPeerStatus(                                       \
        kPrescription, stub_->Method(&context, request, &response),            \
        remote_.get());                                                        \
    if (!status.ok()) return status;                                           \
  } while (false)

absl::StatusOr<v1::Plan> PrescriptionClient::GetPlan(const std::string& name,
                                                     const Caller& caller) {
  v1::GetPlanRequest request;
  request.set_name(name);
  v1::Plan plan;
  CB_PRESCRIPTION_CALL(GetPlan, request, plan);
  return plan;
}

absl::StatusOr<std::optional<v1::Plan>> PrescriptionClient::ActivePlan(
    const std::string& patient, const Caller& caller) {
  v1::ListPlansRequest request;
  request.set_parent(patient);
  request.set_state(v1::Plan::STATE_ACTIVE);
  request.set_page_size(1);  // at most one plan of a patient is open
  v1::ListPlansResponse response;
  CB_PRESCRIPTION_CALL(ListPlans, request, response);
  if (response.plans_size() == 0) return std::nullopt;
  return response.plans(0);
}

absl::StatusOr<std::vector<v1::PlanRevision>> PrescriptionClient::PlanRevisions(
    const std::string& plan, const Caller& caller) {
  std::vector<v1::PlanRevision> out;
  v1::ListPlanRevisionsRequest request;
  request.set_parent(plan);
  request.set_page_size(1000);
  for (;;) {
    v1::ListPlanRevisionsResponse response;
    CB_PRESCRIPTION_CALL(ListPlanRevisions, request, response);
    out.insert(out.end(), response.plan_revisions().begin(),
               response.plan_revisions().end());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.revision() < b.revision();
  });
  return out;
}

absl::StatusOr<std::vector<v1::Exercise>> PrescriptionClient::Exercises(
    const Caller& caller) {
  v1::ListExercisesRequest request;
  request.set_page_size(1000);
  v1::ListExercisesResponse response;
  CB_PRESCRIPTION_CALL(ListExercises, request, response);
  return std::vector<v1::Exercise>(response.exercises().begin(),
                                   response.exercises().end());
}

absl::StatusOr<std::vector<v1::PlanTemplate>> PrescriptionClient::PlanTemplates(
    const Caller& caller) {
  v1::ListPlanTemplatesRequest request;
  request.set_page_size(1000);
  v1::ListPlanTemplatesResponse response;
  CB_PRESCRIPTION_CALL(ListPlanTemplates, request, response);
  return std::vector<v1::PlanTemplate>(response.plan_templates().begin(),
                                       response.plan_templates().end());
}

#undef CB_PRESCRIPTION_CALL

}  // namespace corebalance::peers
