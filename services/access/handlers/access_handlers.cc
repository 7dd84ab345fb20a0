// AccessService's RPCs: staff, API tokens, the audit log.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/access/access_service.h"
#include "services/access/convert.h"
#include "services/common/errors.h"
#include "services/common/principal_proto.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"

namespace corebalance::access {
namespace {

#define ACCESS_METHOD(name) "corebalance.v1.AccessService/" name
constexpr MethodSpec kCreateStaffMember{ACCESS_METHOD("CreateStaffMember"),
                                        Permission::kAdministration, true};
constexpr MethodSpec kGetStaffMember{ACCESS_METHOD("GetStaffMember"),
                                     Permission::kAdministration, true};
constexpr MethodSpec kListStaffMembers{ACCESS_METHOD("ListStaffMembers"),
                                       Permission::kAdministration, true};
constexpr MethodSpec kDisableStaffMember{ACCESS_METHOD("DisableStaffMember"),
                                         Permission::kAdministration, true};
constexpr MethodSpec kIssueApiToken{ACCESS_METHOD("IssueApiToken"),
                                    Permission::kAdministration, true};
constexpr MethodSpec kListApiTokens{ACCESS_METHOD("ListApiTokens"),
                                    Permission::kAdministration, true};
constexpr MethodSpec kRevokeApiToken{ACCESS_METHOD("RevokeApiToken"),
                                     Permission::kAdministration, true};
constexpr MethodSpec kListAuditEvents{ACCESS_METHOD("ListAuditEvents"),
                                      Permission::kAdministration, true};
constexpr MethodSpec kGetCallerIdentity{ACCESS_METHOD("GetCallerIdentity"),
                                        Permission::kAuthenticated, false};
#undef ACCESS_METHOD

bool IsStaffRole(v1::Role role) {
  return role == v1::ROLE_ADMIN || role == v1::ROLE_PRACTITIONER ||
         role == v1::ROLE_FRONT_DESK;
}

template <typename Record>
std::string NextPageToken(std::vector<Record>& records, size_t page_size,
                          absl::string_view filters) {
  if (records.size() <= page_size) return {};
  records.resize(page_size);
  const Record& last = records.back();
  return EncodePageToken({ToMicros(last.create_time), last.id}, filters);
}

}  // namespace

grpc::ServerUnaryReactor* AccessServiceImpl::CreateStaffMember(
    grpc::CallbackServerContext* context,
    const v1::CreateStaffMemberRequest* request, v1::StaffMember* response) {
  return kit_->Unary(
      context, request, kCreateStaffMember,
      [=, this](RpcCall& call) -> absl::Status {
        call.SetRequestId(request->request_id());
        const v1::StaffMember& in = request->staff_member();
        FieldViolations violations;
        CheckRequiredName("staff_member.display_name", in.display_name(), 200,
                          violations);
        CheckOptionalEmail("staff_member.email", in.email(), violations);
        if (!IsStaffRole(in.role())) {
          violations.push_back(
              {"staff_member.role",
               "must be ROLE_ADMIN, ROLE_PRACTITIONER or ROLE_FRONT_DESK"});
        }
        CheckRequestId(request->request_id(), violations);
        if (!violations.empty()) return InvalidArgumentError(violations);

        CreateStaffMemberInput input;
        input.display_name = in.display_name();
        input.email = in.email();
        input.role = in.role();
        input.request_key = call.IdempotencyKey("");
        auto created =
            create_staff_member_->Run(call.caller(), input, call.Change());
        if (created.status().code() == absl::StatusCode::kAlreadyExists) {
          return InvalidArgumentError(
              "staff_member.email",
              "another staff member already uses this email");
        }
        CB_RETURN_IF_ERROR(created.status());
        *response = ToProto(*created);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessServiceImpl::GetStaffMember(
    grpc::CallbackServerContext* context,
    const v1::GetStaffMemberRequest* request, v1::StaffMember* response) {
  return kit_->Unary(
      context, request, kGetStaffMember,
      [=, this](RpcCall& call) -> absl::Status {
        call.AuditResource(request->name());
        CB_ASSIGN_OR_RETURN(std::string id,
                            ParseId(request->name(), "staffMembers", "name"));
        CB_ASSIGN_OR_RETURN(
            StaffRecord staff,
            access_->GetStaff(call.principal().clinic_id, id, call.deadline()));
        *response = ToProto(staff);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessServiceImpl::ListStaffMembers(
    grpc::CallbackServerContext* context,
    const v1::ListStaffMembersRequest* request,
    v1::ListStaffMembersResponse* response) {
  return kit_->Unary(
      context, request, kListStaffMembers,
      [=, this](RpcCall& call) -> absl::Status {
        call.AuditResource("staffMembers");
        const std::string filters =
            absl::StrCat("show_disabled=", request->show_disabled());
        CB_ASSIGN_OR_RETURN(int page_size,
                            EffectivePageSize(request->page_size()));
        CB_ASSIGN_OR_RETURN(auto cursor,
                            DecodePageToken(request->page_token(), filters));
        CB_ASSIGN_OR_RETURN(
            std::vector<StaffRecord> staff,
            access_->ListStaff(call.principal().clinic_id, cursor,
                               page_size + 1, request->show_disabled(),
                               call.deadline()));
        response->set_next_page_token(NextPageToken(staff, page_size, filters));
        for (const auto& s : staff) *response->add_staff_members() = ToProto(s);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessServiceImpl::DisableStaffMember(
    grpc::CallbackServerContext* context,
    const v1::DisableStaffMemberRequest* request, v1::StaffMember* response) {
  return kit_->Unary(
      context, request, kDisableStaffMember,
      [=, this](RpcCall& call) -> absl::Status {
        call.AuditResource(request->name());
        CB_ASSIGN_OR_RETURN(std::string id,
                            ParseId(request->name(), "staffMembers", "name"));
        CB_ASSIGN_OR_RETURN(
            StaffRecord staff,
            disable_staff_member_->Run(call.caller(), id, call.Change()));
        *response = ToProto(staff);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessServiceImpl::IssueApiToken(
    grpc::CallbackServerContext* context,
    const v1::IssueApiTokenRequest* request,
    v1::IssueApiTokenResponse* response) {
  return kit_->Unary(
      context, request, kIssueApiToken,
      [=, this](RpcCall& call) -> absl::Status {
        call.SetRequestId(request->request_id());
        const v1::ApiToken& in = request->api_token();
        const absl::Time now = NowMicros();
        FieldViolations violations;
        CheckRequiredName("api_token.display_name", in.display_name(), 200,
                          violations);
        CheckRequestId(request->request_id(), violations);
        std::string staff_id;
        if (!in.staff_member().empty()) {
          staff_id = IdFromName(in.staff_member(), "staffMembers");
          if (staff_id.empty()) {
            violations.push_back({"api_token.staff_member",
                                  "must be a resource name like "
                                  "\"staffMembers/abc123\""});
          }
          if (in.scopes_size() > 0) {
            violations.push_back(
                {"api_token.scopes",
                 "staff tokens carry their member's role; scopes "
                 "are for integration tokens"});
          }
        } else if (in.role() != v1::ROLE_UNSPECIFIED &&
                   in.role() != v1::ROLE_INTEGRATION) {
          violations.push_back(
              {"api_token.role",
               "a token without a staff_member is an integration "
               "token: leave role unset or ROLE_INTEGRATION"});
        }
        for (int i = 0; i < in.scopes_size(); ++i) {
          if (in.scopes(i) != kScopeSessionsWrite) {
            violations.push_back({absl::StrCat("api_token.scopes[", i, "]"),
                                  absl::StrCat("unknown scope \"", in.scopes(i),
                                               "\"; known: sessions.write")});
          }
        }
        if (in.has_expire_time() &&
            CheckTimestamp("api_token.expire_time", in.expire_time(),
                           violations) &&
            FromProtoTime(in.expire_time()) <= now) {
          violations.push_back(
              {"api_token.expire_time", "must be in the future"});
        }
        if (!violations.empty()) return InvalidArgumentError(violations);

        IssueApiTokenInput input;
        input.display_name = in.display_name();
        input.staff_member_id = staff_id;
        input.scopes.assign(in.scopes().begin(), in.scopes().end());
        if (in.has_expire_time()) {
          input.expire_time = FromProtoTime(in.expire_time());
        }
        input.request_key = call.IdempotencyKey("");
        CB_ASSIGN_OR_RETURN(
            IssuedApiToken issued,
            issue_api_token_->Run(call.caller(), input, call.Change()));
        *response->mutable_api_token() = ToProto(issued.token, now);
        response->set_secret(issued.secret);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessServiceImpl::ListApiTokens(
    grpc::CallbackServerContext* context,
    const v1::ListApiTokensRequest* request,
    v1::ListApiTokensResponse* response) {
  return kit_->Unary(
      context, request, kListApiTokens,
      [=, this](RpcCall& call) -> absl::Status {
        call.AuditResource("apiTokens");
        const std::string filters =
            absl::StrCat("show_inactive=", request->show_inactive());
        CB_ASSIGN_OR_RETURN(int page_size,
                            EffectivePageSize(request->page_size()));
        CB_ASSIGN_OR_RETURN(auto cursor,
                            DecodePageToken(request->page_token(), filters));
        CB_ASSIGN_OR_RETURN(
            std::vector<TokenRecord> tokens,
            access_->ListTokens(call.principal().clinic_id, cursor,
                                page_size + 1, request->show_inactive(),
                                call.deadline()));
        response->set_next_page_token(
            NextPageToken(tokens, page_size, filters));
        const absl::Time now = NowMicros();
        for (const auto& t : tokens)
          *response->add_api_tokens() = ToProto(t, now);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessServiceImpl::RevokeApiToken(
    grpc::CallbackServerContext* context,
    const v1::RevokeApiTokenRequest* request, v1::ApiToken* response) {
  return kit_->Unary(
      context, request, kRevokeApiToken,
      [=, this](RpcCall& call) -> absl::Status {
        call.AuditResource(request->name());
        CB_ASSIGN_OR_RETURN(std::string id,
                            ParseId(request->name(), "apiTokens", "name"));
        CB_ASSIGN_OR_RETURN(
            TokenRecord token,
            revoke_api_token_->Run(call.caller(), id, call.Change()));
        *response = ToProto(token, NowMicros());
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessServiceImpl::ListAuditEvents(
    grpc::CallbackServerContext* context,
    const v1::ListAuditEventsRequest* request,
    v1::ListAuditEventsResponse* response) {
  return kit_->Unary(
      context, request, kListAuditEvents,
      [=, this](RpcCall& call) -> absl::Status {
        call.AuditResource("auditEvents", request->patient());
        AuditFilter filter;
        filter.patient = request->patient();
        filter.actor = request->actor();
        FieldViolations violations;
        if (request->has_start_time() &&
            CheckTimestamp("start_time", request->start_time(), violations)) {
          filter.start_time = FromProtoTime(request->start_time());
        }
        if (request->has_end_time() &&
            CheckTimestamp("end_time", request->end_time(), violations)) {
          filter.end_time = FromProtoTime(request->end_time());
        }
        if (!violations.empty()) return InvalidArgumentError(violations);
        if (filter.start_time && filter.end_time &&
            *filter.end_time <= *filter.start_time) {
          return InvalidArgumentError("end_time", "must be after start_time");
        }
        const std::string filters =
            absl::StrCat(filter.patient, "|", filter.actor, "|",
                         request->start_time().ShortDebugString(), "|",
                         request->end_time().ShortDebugString());
        CB_ASSIGN_OR_RETURN(int page_size,
                            EffectivePageSize(request->page_size()));
        CB_ASSIGN_OR_RETURN(auto cursor,
                            DecodePageToken(request->page_token(), filters));
        if (cursor) filter.before_seq = cursor->last_key;
        CB_ASSIGN_OR_RETURN(std::vector<AuditRow> rows,
                            audit_->List(call.principal().clinic_id, filter,
                                         page_size + 1, call.deadline()));
        if (rows.size() > static_cast<size_t>(page_size)) {
          rows.resize(page_size);
          response->set_next_page_token(
              EncodePageToken({rows.back().seq, ""}, filters));
        }
        for (const auto& row : rows)
          *response->add_audit_events() = ToProto(row);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessServiceImpl::GetCallerIdentity(
    grpc::CallbackServerContext* context,
    const v1::GetCallerIdentityRequest* request, v1::CallerIdentity* response) {
  return kit_->Unary(context, request, kGetCallerIdentity,
                     [=, this](RpcCall& call) {
                       *response = IdentityFromPrincipal(call.principal());
                       return absl::OkStatus();
                     });
}

}  // namespace corebalance::access
