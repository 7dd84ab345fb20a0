#include "services/common/audit_client.h"

#include <grpcpp/client_context.h>

#include "services/common/authenticator.h"

namespace corebalance {

AuditClient::AuditClient(std::shared_ptr<grpc::Channel> access_channel,
                         std::string internal_key)
    : stub_(v1::AccessInternalService::NewStub(std::move(access_channel))),
      internal_key_(std::move(internal_key)) {}

absl::Status AuditClient::Write(const v1::AuditRecord& record,
                                absl::Time deadline) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  context.AddMetadata(kInternalKeyHeader, internal_key_);
  v1::WriteAuditEventsRequest request;
  *request.add_records() = record;
  v1::WriteAuditEventsResponse response;
  grpc::Status status = stub_->WriteAuditEvents(&context, request, &response);
  if (!status.ok()) {
    return absl::UnavailableError("audit log unavailable: " +
                                  status.error_message());
  }
  return absl::OkStatus();
}

}  // namespace corebalance
