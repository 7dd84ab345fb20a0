#ifndef COREBALANCE_SERVICES_ACCESS_ACCESS_INTERNAL_SERVICE_H_
#define COREBALANCE_SERVICES_ACCESS_ACCESS_INTERNAL_SERVICE_H_

// corebalance.v1.AccessInternalService: token introspection, staff lookups
// and the relays' audit writes, for the deployment's other services. The
// handlers live in handlers/internal_handlers.cc.

#include "corebalance/v1/access_internal.grpc.pb.h"
#include "services/access/repositories/access_repository.h"
#include "services/access/repositories/audit_repository.h"
#include "services/common/service_kit.h"

namespace corebalance::access {

// Authenticated by the deployment's internal key.
class AccessInternalServiceImpl final
    : public v1::AccessInternalService::CallbackService {
 public:
  AccessInternalServiceImpl(ServiceKit* kit, AccessRepository* access,
                            AuditRepository* audit)
      : kit_(kit), access_(access), audit_(audit) {}

  grpc::ServerUnaryReactor* IntrospectToken(
      grpc::CallbackServerContext* context,
      const v1::IntrospectTokenRequest* request,
      v1::IntrospectTokenResponse* response) override;
  grpc::ServerUnaryReactor* WriteAuditEvents(
      grpc::CallbackServerContext* context,
      const v1::WriteAuditEventsRequest* request,
      v1::WriteAuditEventsResponse* response) override;
  grpc::ServerUnaryReactor* LookupStaffMember(
      grpc::CallbackServerContext* context,
      const v1::LookupStaffMemberRequest* request,
      v1::StaffMember* response) override;

 private:
  ServiceKit* kit_;
  AccessRepository* access_;
  AuditRepository* audit_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_ACCESS_INTERNAL_SERVICE_H_
