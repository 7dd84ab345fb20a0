#include "services/progress/peer_clients.h"

#include <grpcpp/client_context.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/errors.h"
#include "services/common/grpc_status.h"

namespace corebalance::progress {
namespace {

absl::Status Unavailable(absl::string_view peer, absl::string_view why) {
  return WithReason(absl::UnavailableError(absl::StrCat(
                        peer, " service unavailable: ", why, "; try again")),
                    absl::StrCat(absl::AsciiStrToUpper(peer), "_UNAVAILABLE"));
}

// A little before the caller's deadline, so that a silent peer still leaves
// time to answer UNAVAILABLE rather than let the caller's deadline expire.
absl::Time CalleeDeadline(absl::Time deadline) {
  const absl::Duration left = deadline - absl::Now();
  const absl::Duration margin =
      std::clamp(left / 10, absl::Milliseconds(20), absl::Milliseconds(500));
  return deadline - margin;
}

void Prepare(grpc::ClientContext& context, const std::string& authorization,
             absl::Time deadline) {
  context.set_deadline(absl::ToChronoTime(CalleeDeadline(deadline)));
  if (!authorization.empty()) {
    context.AddMetadata("authorization", authorization);
  }
}

// The peer's verdicts about the request stand; anything saying it could not
// answer becomes UNAVAILABLE, never INTERNAL.
absl::Status MapStatus(absl::string_view peer, const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::OK:
      return absl::OkStatus();
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::FAILED_PRECONDITION:
      return FromGrpcStatus(status);
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return Unavailable(peer, "no answer in time");
    default:
      return Unavailable(peer, status.error_message());
  }
}

constexpr absl::string_view kIntake = "intake";
constexpr absl::string_view kPrescription = "prescription";

}  // namespace

std::string ForwardedAuthorization(const RpcCall& call) {
  const auto& metadata = call.context()->client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return {};
  return std::string(it->second.data(), it->second.size());
}

PeerClients::PeerClients(std::shared_ptr<grpc::Channel> intake,
                         std::shared_ptr<grpc::Channel> prescription)
    : intake_(intake ? v1::IntakeService::NewStub(intake) : nullptr),
      prescription_(prescription
                        ? v1::PrescriptionService::NewStub(prescription)
                        : nullptr) {}

absl::StatusOr<v1::Plan> PeerClients::GetPlan(const std::string& name,
                                              const std::string& authorization,
                                              absl::Time deadline) {
  if (!prescription_) {
    return Unavailable(kPrescription, "not configured in this process");
  }
  grpc::ClientContext context;
  Prepare(context, authorization, deadline);
  v1::GetPlanRequest request;
  request.set_name(name);
  v1::Plan plan;
  absl::Status status = MapStatus(
      kPrescription, prescription_->GetPlan(&context, request, &plan));
  if (!status.ok()) return status;
  return plan;
}

absl::StatusOr<std::optional<v1::Plan>> PeerClients::ActivePlan(
    const std::string& patient, const std::string& authorization,
    absl::Time deadline) {
  if (!prescription_) {
    return Unavailable(kPrescription, "not configured in this process");
  }
  grpc::ClientContext context;
  Prepare(context, authorization, deadline);
  v1::ListPlansRequest request;
  request.set_parent(patient);
  request.set_state(v1::Plan::STATE_ACTIVE);
  request.set_page_size(1);  // at most one plan of a patient is open
  v1::ListPlansResponse response;
  absl::Status status = MapStatus(
      kPrescription, prescription_->ListPlans(&context, request, &response));
  if (!status.ok()) return status;
  if (response.plans_size() == 0) return std::nullopt;
  return response.plans(0);
}

absl::StatusOr<std::optional<int>> PeerClients::LatestNprs(
    const std::string& patient, const std::string& authorization,
    absl::Time deadline) {
  if (!intake_) return Unavailable(kIntake, "not configured in this process");
  grpc::ClientContext context;
  Prepare(context, authorization, deadline);
  v1::ListAssessmentsRequest request;
  request.set_parent(patient);
  request.set_page_size(1);  // newest first: the first is the latest
  v1::ListAssessmentsResponse response;
  absl::Status status = MapStatus(
      kIntake, intake_->ListAssessments(&context, request, &response));
  if (!status.ok()) return status;
  if (response.assessments_size() == 0) return std::nullopt;
  return response.assessments(0).nprs_now();
}

absl::StatusOr<std::vector<v1::Assessment>> PeerClients::Assessments(
    const std::string& patient, const std::string& authorization,
    absl::Time deadline) {
  if (!intake_) return Unavailable(kIntake, "not configured in this process");
  grpc::ClientContext context;
  Prepare(context, authorization, deadline);
  v1::ListAssessmentsRequest request;
  request.set_parent(patient);
  request.set_page_size(100);
  v1::ListAssessmentsResponse response;
  absl::Status status = MapStatus(
      kIntake, intake_->ListAssessments(&context, request, &response));
  if (!status.ok()) return status;
  return std::vector<v1::Assessment>(response.assessments().begin(),
                                     response.assessments().end());
}

absl::StatusOr<std::vector<v1::PlanRevision>> PeerClients::PlanRevisions(
    const std::string& plan, const std::string& authorization,
    absl::Time deadline) {
  if (!prescription_) {
    return Unavailable(kPrescription, "not configured in this process");
  }
  std::vector<v1::PlanRevision> out;
  v1::ListPlanRevisionsRequest request;
  request.set_parent(plan);
  request.set_page_size(1000);
  for (;;) {
    grpc::ClientContext context;
    Prepare(context, authorization, deadline);
    v1::ListPlanRevisionsResponse response;
    absl::Status status = MapStatus(
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
    return Unavailable(kPrescription, "not configured in this process");
  }
  grpc::ClientContext context;
  Prepare(context, authorization, deadline);
  v1::ListExercisesRequest request;
  request.set_page_size(1000);
  v1::ListExercisesResponse response;
  absl::Status status =
      MapStatus(kPrescription,
                prescription_->ListExercises(&context, request, &response));
  if (!status.ok()) return status;
  return std::vector<v1::Exercise>(response.exercises().begin(),
                                   response.exercises().end());
}

absl::StatusOr<std::vector<v1::PlanTemplate>> PeerClients::PlanTemplates(
    const std::string& authorization, absl::Time deadline) {
  if (!prescription_) {
    return Unavailable(kPrescription, "not configured in this process");
  }
  grpc::ClientContext context;
  Prepare(context, authorization, deadline);
  v1::ListPlanTemplatesRequest request;
  request.set_page_size(1000);
  v1::ListPlanTemplatesResponse response;
  absl::Status status =
      MapStatus(kPrescription,
                prescription_->ListPlanTemplates(&context, request, &response));
  if (!status.ok()) return status;
  return std::vector<v1::PlanTemplate>(response.plan_templates().begin(),
                                       response.plan_templates().end());
}

}  // namespace corebalance::progress
