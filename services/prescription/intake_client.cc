#include "services/prescription/intake_client.h"

#include <grpcpp/client_context.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/errors.h"
#include "services/common/grpc_status.h"

namespace corebalance::prescription {
namespace {

constexpr absl::string_view kIntakeUnavailable = "INTAKE_UNAVAILABLE";

absl::Status Unavailable(const std::string& why) {
  return WithReason(absl::UnavailableError(absl::StrCat(
                        "intake service unavailable: ", why, "; try again")),
                    kIntakeUnavailable);
}

// The deadline for the call to IntakeService: a little before the caller's,
// so that a silent peer still leaves time to answer UNAVAILABLE rather than
// let the caller's own deadline expire.
absl::Time CalleeDeadline(absl::Time deadline) {
  const absl::Duration left = deadline - absl::Now();
  const absl::Duration margin =
      std::clamp(left / 10, absl::Milliseconds(20), absl::Milliseconds(500));
  return deadline - margin;
}

void Prepare(grpc::ClientContext& context, const std::string& authorization,
             absl::Time deadline) {
  context.set_deadline(absl::ToChronoTime(deadline));
  if (!authorization.empty()) {
    context.AddMetadata("authorization", authorization);
  }
}

// IntakeService's answer as ours. Its verdicts about the request (no such
// patient, not allowed) stand; anything that says it could not answer
// becomes UNAVAILABLE, never INTERNAL.
absl::Status MapStatus(const grpc::Status& status) {
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
      return Unavailable("no answer in time");
    default:
      return Unavailable(status.error_message());
  }
}

}  // namespace

IntakeClient::IntakeClient(std::shared_ptr<grpc::Channel> channel)
    : stub_(channel ? v1::IntakeService::NewStub(channel) : nullptr) {}

absl::StatusOr<std::optional<v1::Assessment>> IntakeClient::LatestAssessment(
    const std::string& patient_name, const std::string& authorization,
    absl::Time deadline) {
  if (!stub_) return Unavailable("not configured in this process");
  const absl::Time callee_deadline = CalleeDeadline(deadline);
  {
    // The patient first: NOT_FOUND says which resource is missing.
    grpc::ClientContext context;
    Prepare(context, authorization, callee_deadline);
    v1::GetPatientRequest request;
    request.set_name(patient_name);
    v1::Patient patient;
    absl::Status status =
        MapStatus(stub_->GetPatient(&context, request, &patient));
    if (!status.ok()) return status;
  }
  grpc::ClientContext context;
  Prepare(context, authorization, callee_deadline);
  v1::ListAssessmentsRequest request;
  request.set_parent(patient_name);
  request.set_page_size(1);  // newest first: the first is the latest
  v1::ListAssessmentsResponse response;
  absl::Status status =
      MapStatus(stub_->ListAssessments(&context, request, &response));
  if (!status.ok()) return status;
  if (response.assessments_size() == 0) return std::nullopt;
  return response.assessments(0);
}

}  // namespace corebalance::prescription
