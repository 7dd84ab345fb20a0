#include "services/progress/peer_clients.h"

#include <grpcpp/client_context.h>

#include <algorithm>

#include "services/common/peer_call.h"

namespace corebalance::progress {
namespace {

constexpr absl::string_view kIntake = "intake";
constexpr absl::string_view kPrescription = "prescription";

}  // namespace

std::string ForwardedAuthorization(const RpcCall& call) {
  return corebalance::ForwardedAuthorization(*call.context());
}

PeerClients::PeerClients(std::shared_ptr<grpc::Channel> intake,
                         std::shared_ptr<grpc::Channel> prescription,
                         std::string internal_key)
    : intake_(intake ? v1::IntakeService::NewStub(intake) : nullptr),
      prescription_(prescription
                        ? v1::PrescriptionService::NewStub(prescription)
                        : nullptr),
      internal_key_(std::move(internal_key)) {}

absl::StatusOr<v1::Plan> PeerClients::GetPlan(const std::string& name,
                                              const std::string& authorization,
                                              absl::Time deadline) {
  if (!prescription_) {
    return PeerUnavailable(kPrescription, "not configured in this process");
  }
  grpc::ClientContext context;
  PreparePeerCall(context, {authorization, internal_key_}, deadline);
  v1::GetPlanRequest request;
  request.set_name(name);
  v1::Plan plan;
  absl::Status status = MapPeerStatus(
      kPrescription, prescription_->GetPlan(&context, request, &plan));
  if (!status.ok()) return status;
  return plan;
}

absl::StatusOr<std::optional<v1::Plan>> PeerClients::ActivePlan(
    const std::string& patient, const std::string& authorization,
    absl::Time deadline) {
  if (!prescription_) {
    return PeerUnavailable(kPrescription, "not configured in this process");
  }
  grpc::ClientContext context;
  PreparePeerCall(context, {authorization, internal_key_}, deadline);
  v1::ListPlansRequest request;
  request.set_parent(patient);
  request.set_state(v1::Plan::STATE_ACTIVE);
  request.set_page_size(1);  // at most one plan of a patient is open
  v1::ListPlansResponse response;
  absl::Status status = MapPeerStatus(
      kPrescription, prescription_->ListPlans(&context, request, &response));
  if (!status.ok()) return status;
  if (response.plans_size() == 0) return std::nullopt;
  return response.plans(0);
}

absl::StatusOr<std::optional<int>> PeerClients::LatestNprs(
    const std::string& patient, const std::string& authorization,
    absl::Time deadline) {
  if (!intake_)
    return PeerUnavailable(kIntake, "not configured in this process");
  grpc::ClientContext context;
  PreparePeerCall(context, {authorization, internal_key_}, deadline);
  v1::ListAssessmentsRequest request;
  request.set_parent(patient);
  request.set_page_size(1);  // newest first: the first is the latest
  v1::ListAssessmentsResponse response;
  absl::Status status = MapPeerStatus(
      kIntake, intake_->ListAssessments(&context, request, &response));
  if (!status.ok()) return status;
  if (response.assessments_size() == 0) return std::nullopt;
  return response.assessments(0).nprs_now();
}

absl::StatusOr<std::vector<v1::Assessment>> PeerClients::Assessments(
    const std::string& patient, const std::string& authorization,
    absl::Time deadline, v1::Assessment::Kind kind) {
  if (!intake_)
    return PeerUnavailable(kIntake, "not configured in this process");
  grpc::ClientContext context;
  PreparePeerCall(context, {authorization, internal_key_}, deadline);
  v1::ListAssessmentsRequest request;
  request.set_parent(patient);
  request.set_page_size(100);
  request.set_kind(kind);
  v1::ListAssessmentsResponse response;
  absl::Status status = MapPeerStatus(
      kIntake, intake_->ListAssessments(&context, request, &response));
  if (!status.ok()) return status;
  return std::vector<v1::Assessment>(response.assessments().begin(),
                                     response.assessments().end());
}

absl::StatusOr<std::vector<v1::PlanRevision>> PeerClients::PlanRevisions(
    const std::string& plan, const std::string& authorization,
    absl::Time deadline) {
  if (!prescription_) {
    return PeerUnavailable(kPrescription, "not configured in this process");
  }
  std::vector<v1::PlanRevision> out;
  v1::ListPlanRevisionsRequest request;
  request.set_parent(plan);
  request.set_page_size(1000);
  for (;;) {
    grpc::ClientContext context;
    PreparePeerCall(context, {authorization, internal_key_}, deadline);
    v1::ListPlanRevisionsResponse response;
    absl::Status status = MapPeerStatus(
        kPrescription,
        prescription_->ListPlanRevisions(&context, request, &response));
    if (!status.ok()) return status;
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

absl::StatusOr<std::vector<v1::Exercise>> PeerClients::Exercises(
    const std::string& authorization, absl::Time deadline) {
  if (!prescription_) {
    return PeerUnavailable(kPrescription, "not configured in this process");
  }
  grpc::ClientContext context;
  PreparePeerCall(context, {authorization, internal_key_}, deadline);
  v1::ListExercisesRequest request;
  request.set_page_size(1000);
  v1::ListExercisesResponse response;
  absl::Status status =
      MapPeerStatus(kPrescription,
                    prescription_->ListExercises(&context, request, &response));
  if (!status.ok()) return status;
  return std::vector<v1::Exercise>(response.exercises().begin(),
                                   response.exercises().end());
}

absl::StatusOr<std::vector<v1::PlanTemplate>> PeerClients::PlanTemplates(
    const std::string& authorization, absl::Time deadline) {
  if (!prescription_) {
    return PeerUnavailable(kPrescription, "not configured in this process");
  }
  grpc::ClientContext context;
  PreparePeerCall(context, {authorization, internal_key_}, deadline);
  v1::ListPlanTemplatesRequest request;
  request.set_page_size(1000);
  v1::ListPlanTemplatesResponse response;
  absl::Status status = MapPeerStatus(
      kPrescription,
      prescription_->ListPlanTemplates(&context, request, &response));
  if (!status.ok()) return status;
  return std::vector<v1::PlanTemplate>(response.plan_templates().begin(),
                                       response.plan_templates().end());
}

}  // namespace corebalance::progress
