#ifndef COREBALANCE_SERVICES_ACCESS_ACCESS_SERVICE_H_
#define COREBALANCE_SERVICES_ACCESS_ACCESS_SERVICE_H_

#include "corebalance/v1/access.grpc.pb.h"
#include "services/access/access_store.h"
#include "services/access/audit_store.h"
#include "services/common/service_kit.h"

namespace corebalance::access {

// corebalance.v1.AccessService: staff, API tokens, the audit log.
class AccessServiceImpl final : public v1::AccessService::CallbackService {
 public:
  AccessServiceImpl(ServiceKit* kit, AccessStore* store, AuditStore* audit)
      : kit_(kit), store_(store), audit_(audit) {}

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
  AccessStore* store_;
  AuditStore* audit_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_ACCESS_SERVICE_H_
