#ifndef COREBALANCE_SERVICES_INTAKE_INTAKE_INTERNAL_SERVICE_H_
#define COREBALANCE_SERVICES_INTAKE_INTAKE_INTERNAL_SERVICE_H_

#include "corebalance/v1/intake_internal.grpc.pb.h"
#include "services/common/service_kit.h"
#include "services/intake/repositories/assessment_repository.h"
#include "services/intake/repositories/patient_repository.h"
#include "services/outbox/event_feed.h"

namespace corebalance::intake {

// corebalance.v1.IntakeInternalService: the event feed of intake's domain
// events, and the snapshot of a clinic's patients and assessments, for the
// copies other services keep. Authenticated by the internal key.
class IntakeInternalServiceImpl final
    : public v1::IntakeInternalService::CallbackService {
 public:
  IntakeInternalServiceImpl(ServiceKit* kit, PatientRepository* patients,
                            AssessmentRepository* assessments,
                            const outbox::EventFeed* feed)
      : kit_(kit),
        patients_(patients),
        assessments_(assessments),
        feed_(feed) {}

  grpc::ServerUnaryReactor* ListEventHeads(
      grpc::CallbackServerContext* context,
      const v1::ListEventHeadsRequest* request,
      v1::ListEventHeadsResponse* response) override;
  grpc::ServerUnaryReactor* ListClinicEvents(
      grpc::CallbackServerContext* context,
      const v1::ListClinicEventsRequest* request,
      v1::ListClinicEventsResponse* response) override;
  // The clinic's patients in id order, then its assessments in id order.
  grpc::ServerUnaryReactor* ExportSnapshot(
      grpc::CallbackServerContext* context,
      const v1::ExportSnapshotRequest* request,
      v1::ExportSnapshotResponse* response) override;

 private:
  ServiceKit* kit_;
  PatientRepository* patients_;
  AssessmentRepository* assessments_;
  const outbox::EventFeed* feed_;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_INTAKE_INTERNAL_SERVICE_H_
