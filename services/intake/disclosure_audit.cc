#include "services/intake/disclosure_audit.h"

#include <grpcpp/client_context.h>

#include <algorithm>

#include "absl/time/clock.h"
#include "services/common/authenticator.h"
#include "services/common/principal_proto.h"

namespace corebalance::intake {

DisclosureAudit::DisclosureAudit(std::shared_ptr<grpc::Channel> access_channel,
                                 std::string internal_key)
    : stub_(v1::AccessInternalService::NewStub(std::move(access_channel))),
      internal_key_(std::move(internal_key)) {}

absl::Status DisclosureAudit::Record(const RpcCall& call, const char* method,
                                     const std::vector<std::string>& patients) {
  if (patients.empty()) return absl::OkStatus();
  v1::WriteAuditEventsRequest request;
  for (const std::string& patient : patients) {
    v1::AuditRecord* record = request.add_records();
    record->set_clinic(ClinicName(call.principal().clinic_id));
    v1::AuditEvent& event = *record->mutable_event();
    event.set_actor(call.principal().name);
    event.set_actor_role(call.principal().role);
    event.set_action(method);
    event.set_resource(patient);
    event.set_patient(patient);
    event.set_outcome(v1::AuditEvent::OUTCOME_SUCCESS);
    event.set_status_code("OK");
    event.set_request_id(call.request_id());
    event.set_peer(call.context()->peer());
  }
  grpc::ClientContext context;
  // Like the kit's own audit write: a short budget of its own, so a list
  // answered near its deadline is still recorded.
  context.set_deadline(absl::ToChronoTime(
      std::max(call.deadline(), absl::Now() + absl::Seconds(2))));
  context.AddMetadata(kInternalKeyHeader, internal_key_);
  v1::WriteAuditEventsResponse response;
  const grpc::Status status =
      stub_->WriteAuditEvents(&context, request, &response);
  if (!status.ok()) {
    return absl::UnavailableError("audit log unavailable: " +
                                  status.error_message());
  }
  return absl::OkStatus();
}

}  // namespace corebalance::intake
