#include "services/prescription/intake_client.h"

#include <grpcpp/client_context.h>

#include "services/common/peer_call.h"

namespace corebalance::prescription {
namespace {

constexpr absl::string_view kIntake = "intake";

}  // namespace

IntakeClient::IntakeClient(std::shared_ptr<grpc::Channel> channel,
                           std::string internal_key)
    : stub_(channel ? v1::IntakeService::NewStub(channel) : nullptr),
      internal_key_(std::move(internal_key)) {}

absl::StatusOr<std::optional<v1::Assessment>> IntakeClient::LatestAssessment(
    const std::string& patient_name, const std::string& authorization,
    absl::Time deadline) {
  if (!stub_) {
    return PeerUnavailable(kIntake, "not configured in this process");
  }
  const OnBehalf on_behalf{authorization, internal_key_};
  {
    // The patient first: NOT_FOUND says which resource is missing.
    grpc::ClientContext context;
    PreparePeerCall(context, on_behalf, deadline);
    v1::GetPatientRequest request;
    request.set_name(patient_name);
    v1::Patient patient;
    absl::Status status =
        MapPeerStatus(kIntake, stub_->GetPatient(&context, request, &patient));
    if (!status.ok()) return status;
  }
  grpc::ClientContext context;
  PreparePeerCall(context, on_behalf, deadline);
  v1::ListAssessmentsRequest request;
  request.set_parent(patient_name);
  request.set_page_size(1);  // newest first: the first is the latest
  v1::ListAssessmentsResponse response;
  absl::Status status = MapPeerStatus(
      kIntake, stub_->ListAssessments(&context, request, &response));
  if (!status.ok()) return status;
  if (response.assessments_size() == 0) return std::nullopt;
  return response.assessments(0);
}

}  // namespace corebalance::prescription
