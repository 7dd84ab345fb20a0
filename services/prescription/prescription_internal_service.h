#ifndef COREBALANCE_SERVICES_PRESCRIPTION_HANDLERS_INTERNAL_HANDLERS_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_HANDLERS_INTERNAL_HANDLERS_H_

#include "corebalance/v1/prescription_internal.grpc.pb.h"
#include "services/common/service_kit.h"
#include "services/prescription/repositories/plan_repository.h"

namespace corebalance::prescription {

// corebalance.v1.PrescriptionInternalService: plans of every clinic for the
// other services' background jobs. Authenticated by the internal key.
class PrescriptionInternalServiceImpl final
    : public v1::PrescriptionInternalService::CallbackService {
 public:
  PrescriptionInternalServiceImpl(ServiceKit* kit, PlanRepository* plans)
      : kit_(kit), plans_(plans) {}

  grpc::ServerUnaryReactor* ListActivePlans(
      grpc::CallbackServerContext* context,
      const v1::ListActivePlansRequest* request,
      v1::ListActivePlansResponse* response) override;

 private:
  ServiceKit* kit_;
  PlanRepository* plans_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_HANDLERS_INTERNAL_HANDLERS_H_
