#ifndef COREBALANCE_SERVICES_ACCESS_ACCESS_INTERNAL_SERVICE_H_
#define COREBALANCE_SERVICES_ACCESS_ACCESS_INTERNAL_SERVICE_H_

#include "corebalance/v1/access_internal.grpc.pb.h"
#include "services/access/access_store.h"
#include "services/access/audit_store.h"
#include "services/common/service_kit.h"

namespace corebalance::access {

// corebalance.v1.AccessInternalService: token introspection and audit writes
// for the other services. Authenticated by the deployment's internal key.
class AccessInternalServiceImpl final
    : public v1::AccessInternalService::CallbackService {
 public:
  AccessInternalServiceImpl(ServiceKit* kit, AccessStore* store,
                            AuditStore* audit)
      : kit_(kit), store_(store), audit_(audit) {}

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
  AccessStore* store_;
  AuditStore* audit_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_ACCESS_INTERNAL_SERVICE_H_
