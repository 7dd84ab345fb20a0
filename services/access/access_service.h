#ifndef COREBALANCE_SERVICES_ACCESS_ACCESS_SERVICE_H_
#define COREBALANCE_SERVICES_ACCESS_ACCESS_SERVICE_H_

// corebalance.v1.AccessService: staff, API tokens, the audit log. The
// handlers live in handlers/access_handlers.cc. Writes go through the use
// cases in use_cases/; reads go to the repositories directly.

#include "corebalance/v1/access.grpc.pb.h"
#include "services/access/repositories/access_repository.h"
#include "services/access/repositories/audit_repository.h"
#include "services/access/use_cases/create_staff_member.h"
#include "services/access/use_cases/disable_staff_member.h"
#include "services/access/use_cases/issue_api_token.h"
#include "services/access/use_cases/revoke_api_token.h"
#include "services/common/service_kit.h"

namespace corebalance::access {

class AccessServiceImpl final : public v1::AccessService::CallbackService {
 public:
  // The workflows that change something (named in full: the RPCs share
  // their names).
  struct UseCases {
    access::CreateStaffMember* create_staff_member;
    access::DisableStaffMember* disable_staff_member;
    access::IssueApiToken* issue_api_token;
    access::RevokeApiToken* revoke_api_token;
  };

  AccessServiceImpl(ServiceKit* kit, AccessRepository* access,
                    AuditRepository* audit, UseCases use_cases)
      : kit_(kit),
        access_(access),
        audit_(audit),
        create_staff_member_(use_cases.create_staff_member),
        disable_staff_member_(use_cases.disable_staff_member),
        issue_api_token_(use_cases.issue_api_token),
        revoke_api_token_(use_cases.revoke_api_token) {}

  grpc::ServerUnaryReactor* CreateStaffMember(
      grpc::CallbackServerContext* context,
      const v1::CreateStaffMemberRequest* request,
      v1::StaffMember* response) override;
  grpc::ServerUnaryReactor* GetStaffMember(
      grpc::CallbackServerContext* context,
      const v1::GetStaffMemberRequest* request,
      v1::StaffMember* response) override;
  grpc::ServerUnaryReactor* ListStaffMembers(
      grpc::CallbackServerContext* context,
      const v1::ListStaffMembersRequest* request,
      v1::ListStaffMembersResponse* response) override;
  grpc::ServerUnaryReactor* DisableStaffMember(
      grpc::CallbackServerContext* context,
      const v1::DisableStaffMemberRequest* request,
      v1::StaffMember* response) override;
  grpc::ServerUnaryReactor* IssueApiToken(
      grpc::CallbackServerContext* context,
      const v1::IssueApiTokenRequest* request,
      v1::IssueApiTokenResponse* response) override;
  grpc::ServerUnaryReactor* ListApiTokens(
      grpc::CallbackServerContext* context,
      const v1::ListApiTokensRequest* request,
      v1::ListApiTokensResponse* response) override;
  grpc::ServerUnaryReactor* RevokeApiToken(
      grpc::CallbackServerContext* context,
      const v1::RevokeApiTokenRequest* request,
      v1::ApiToken* response) override;
  grpc::ServerUnaryReactor* ListAuditEvents(
      grpc::CallbackServerContext* context,
      const v1::ListAuditEventsRequest* request,
      v1::ListAuditEventsResponse* response) override;
  grpc::ServerUnaryReactor* GetCallerIdentity(
      grpc::CallbackServerContext* context,
      const v1::GetCallerIdentityRequest* request,
      v1::CallerIdentity* response) override;

 private:
  ServiceKit* kit_;
  AccessRepository* access_;
  AuditRepository* audit_;
  access::CreateStaffMember* create_staff_member_;
  access::DisableStaffMember* disable_staff_member_;
  access::IssueApiToken* issue_api_token_;
  access::RevokeApiToken* revoke_api_token_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_ACCESS_SERVICE_H_
