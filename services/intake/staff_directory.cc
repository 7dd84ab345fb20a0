#include "services/intake/staff_directory.h"

#include <grpcpp/client_context.h>

#include "absl/strings/str_cat.h"
#include "services/common/authenticator.h"
#include "services/common/grpc_status.h"
#include "services/common/peer_call.h"
#include "services/common/principal_proto.h"

namespace corebalance::intake {

StaffDirectory::StaffDirectory(std::shared_ptr<grpc::Channel> access_channel,
                               std::string internal_key)
    : stub_(v1::AccessInternalService::NewStub(std::move(access_channel))),
      internal_key_(std::move(internal_key)) {}

absl::StatusOr<std::optional<v1::StaffMember>> StaffDirectory::Find(
    int64_t clinic_id, const std::string& staff_id, absl::Time deadline) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  context.AddMetadata(kInternalKeyHeader, internal_key_);
  v1::LookupStaffMemberRequest request;
  request.set_clinic(ClinicName(clinic_id));
  request.set_name(absl::StrCat("staffMembers/", staff_id));
  v1::StaffMember member;
  const grpc::Status status =
      stub_->LookupStaffMember(&context, request, &member);
  switch (status.error_code()) {
    case grpc::StatusCode::OK:
      return member;
    case grpc::StatusCode::NOT_FOUND:
      return std::nullopt;
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      LogPeerFailure("access", "LookupStaffMember", status);
      return absl::UnavailableError(
          "access service unavailable to check the assigned practitioner: "
          "try again shortly");
    default:
      return FromGrpcStatus(status);
  }
}

std::string PractitionerProblem(const std::optional<v1::StaffMember>& member) {
  if (!member) return "no such staff member in this clinic";
  if (member->state() != v1::StaffMember::STATE_ACTIVE) {
    return "the staff member is disabled";
  }
  if (member->role() != v1::ROLE_PRACTITIONER &&
      member->role() != v1::ROLE_ADMIN) {
    return absl::StrCat("must be a practitioner or an administrator, not ",
                        v1::Role_Name(member->role()));
  }
  return {};
}

}  // namespace corebalance::intake
