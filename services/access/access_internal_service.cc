#include "services/access/access_internal_service.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "services/access/convert.h"
#include "services/common/errors.h"
#include "services/common/principal_proto.h"
#include "services/common/sha256.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"

namespace corebalance::access {
namespace {

constexpr MethodSpec kIntrospectToken{
    "corebalance.v1.AccessInternalService/IntrospectToken",
    Permission::kAuthenticated, false, /*internal=*/true};
constexpr MethodSpec kWriteAuditEvents{
    "corebalance.v1.AccessInternalService/WriteAuditEvents",
    Permission::kAuthenticated, false, /*internal=*/true};
constexpr MethodSpec kLookupStaffMember{
    "corebalance.v1.AccessInternalService/LookupStaffMember",
    Permission::kAuthenticated, false, /*internal=*/true};

v1::CallerIdentity IdentityOf(const TokenPrincipal& found) {
  Principal p;
  p.clinic_id = found.clinic.id;
  p.clinic_display_name = found.clinic.display_name;
  p.api_token = absl::StrCat("apiTokens/", found.token.id);
  p.scopes = found.token.scopes;
  if (found.staff) {
    // A staff token acts with the member's current role.
    p.name = absl::StrCat("staffMembers/", found.staff->id);
    p.display_name = found.staff->display_name;
    p.role = found.staff->role;
  } else {
    p.name = p.api_token;
    p.display_name = found.token.display_name;
    p.role = v1::ROLE_INTEGRATION;
  }
  return IdentityFromPrincipal(p);
}

AuditRow RowOf(const v1::AuditEvent& e) {
  AuditRow row;
  row.actor = e.actor();
  row.actor_role = e.actor_role();
  row.action = e.action();
  row.resource = e.resource();
  row.patient = e.patient();
  row.outcome = e.outcome();
  row.status_code = e.status_code();
  row.request_id = e.request_id();
  row.peer = e.peer();
  return row;
}

}  // namespace

grpc::ServerUnaryReactor* AccessInternalServiceImpl::IntrospectToken(
    grpc::CallbackServerContext* context,
    const v1::IntrospectTokenRequest* request,
    v1::IntrospectTokenResponse* response) {
  return kit_->Unary(
      context, request, kIntrospectToken,
      [=, this](RpcCall& call) -> absl::Status {
        CB_ASSIGN_OR_RETURN(
            auto found, store_->FindActiveToken(Sha256Hex(request->token()),
                                                NowMicros(), call.deadline()));
        response->set_active(found.has_value());
        if (found) *response->mutable_identity() = IdentityOf(*found);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessInternalServiceImpl::WriteAuditEvents(
    grpc::CallbackServerContext* context,
    const v1::WriteAuditEventsRequest* request,
    v1::WriteAuditEventsResponse* response) {
  return kit_->Unary(
      context, request, kWriteAuditEvents,
      [=, this](RpcCall& call) -> absl::Status {
        // Group by clinic, keeping request order within each chain.
        std::map<int64_t, std::vector<int>> by_clinic;
        for (int i = 0; i < request->records_size(); ++i) {
          const int64_t clinic_id =
              ClinicIdFromName(request->records(i).clinic());
          if (clinic_id == 0) {
            return InvalidArgumentError(
                absl::StrCat("records[", i, "].clinic"),
                "must be a clinic name like \"clinics/1\"");
          }
          by_clinic[clinic_id].push_back(i);
        }
        std::vector<std::string> names(request->records_size());
        for (const auto& [clinic_id, indexes] : by_clinic) {
          std::vector<AuditRow> rows;
          for (int i : indexes)
            rows.push_back(RowOf(request->records(i).event()));
          CB_ASSIGN_OR_RETURN(
              std::vector<int64_t> seqs,
              audit_->Append(clinic_id, std::move(rows), call.deadline()));
          for (size_t k = 0; k < indexes.size(); ++k) {
            names[indexes[k]] = absl::StrCat("auditEvents/", seqs[k]);
          }
        }
        for (auto& name : names) response->add_names(std::move(name));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessInternalServiceImpl::LookupStaffMember(
    grpc::CallbackServerContext* context,
    const v1::LookupStaffMemberRequest* request, v1::StaffMember* response) {
  return kit_->Unary(
      context, request, kLookupStaffMember,
      [=, this](RpcCall& call) -> absl::Status {
        FieldViolations violations;
        const int64_t clinic_id = ClinicIdFromName(request->clinic());
        if (clinic_id == 0) {
          violations.push_back(
              {"clinic", "must be a clinic name like \"clinics/1\""});
        }
        const std::string id = IdFromName(request->name(), "staffMembers");
        if (id.empty()) {
          violations.push_back(
              {"name", "must be a resource name like \"staffMembers/abc123\""});
        }
        if (!violations.empty()) return InvalidArgumentError(violations);
        CB_ASSIGN_OR_RETURN(StaffRecord staff,
                            store_->GetStaff(clinic_id, id, call.deadline()));
        *response = ToProto(staff);
        return absl::OkStatus();
      });
}

}  // namespace corebalance::access
