#include "services/peers/intake_client.h"

#include <grpcpp/client_context.h>

#include "services/common/peer_call.h"

namespace corebalance::peers {
namespace {

constexpr absl::string_view kIntake = "intake";

}  // namespace

IntakeClient::IntakeClient(std::shared_ptr<grpc::Channel> channel,
                           std::string internal_key, bool in_process)
    : remote_(in_process ? nullptr : channel),
      stub_(channel ? v1::IntakeService::NewStub(channel) : nullptr),
      internal_key_(std::move(internal_key)) {}

absl::Status IntakeClient::CheckPatient(const std::string& patient,
                                        const Caller& caller) {
  if (!stub_) return PeerUnavailable(kIntake, "not configured in this process");
  grpc::ClientContext context;
  PreparePeerCall(context, {caller.authorization, internal_key_},
                  caller.deadline);
  v1::GetPatientRequest request;
  request.set_name(patient);
  v1::Patient found;
  return MapPeerStatus(kIntake, stub_->GetPatient(&context, request, &found),
                       remote_.get());
}

absl::StatusOr<v1::ListAssessmentsResponse> IntakeClient::List(
    const v1::ListAssessmentsRequest& request, const Caller& caller) {
  if (!stub_) return PeerUnavailable(kIntake, "not configured in this process");
  grpc::ClientContext context;
  PreparePeerCall(context, {caller.authorization, internal_key_},
                  caller.deadline);
  v1::ListAssessmentsResponse response;
  absl::Status status = MapPeerStatus(
      kIntake, stub_->ListAssessments(&context, request, &response),
      remote_.get());
  if (!status.ok()) return status;
  return response;
}

absl::StatusOr<std::optional<v1::Assessment>> IntakeClient::LatestAssessment(
    const std::string& patient, const Caller& caller) {
  v1::ListAssessmentsRequest request;
  request.set_parent(patient);
  request.set_page_size(1);  // newest first: the first is the latest
  absl::StatusOr<v1::ListAssessmentsResponse> response = List(request, caller);
  if (!response.ok()) return response.status();
  if (response->assessments_size() == 0) return std::nullopt;
  return response->assessments(0);
}

absl::StatusOr<std::vector<v1::Assessment>> IntakeClient::Assessments(
    const std::string& patient, const Caller& caller,
    v1::Assessment::Kind kind) {
  v1::ListAssessmentsRequest request;
  request.set_parent(patient);
  request.set_page_size(100);
  request.set_kind(kind);
  absl::StatusOr<v1::ListAssessmentsResponse> response = List(request, caller);
  if (!response.ok()) return response.status();
  return std::vector<v1::Assessment>(response->assessments().begin(),
                                     response->assessments().end());
}

}  // namespace corebalance::peers
