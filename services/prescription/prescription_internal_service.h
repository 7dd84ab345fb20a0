#ifndef COREBALANCE_SERVICES_PRESCRIPTION_HANDLERS_INTERNAL_HANDLERS_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_HANDLERS_INTERNAL_HANDLERS_H_

#include "corebalance/v1/prescription_internal.grpc.pb.h"
#include "services/common/page_token.h"
#include "services/common/service_kit.h"
#include "services/outbox/event_feed.h"
#include "services/prescription/repositories/catalogue_repository.h"
#include "services/prescription/repositories/plan_repository.h"

namespace corebalance::prescription {

// corebalance.v1.PrescriptionInternalService: plans of every clinic for the
// other services' background jobs, and the event feed of prescription's
// domain events for the copies they keep. Authenticated by the internal key.
class PrescriptionInternalServiceImpl final
    : public v1::PrescriptionInternalService::CallbackService {
 public:
  PrescriptionInternalServiceImpl(ServiceKit* kit, PlanRepository* plans,
                                  CatalogueRepository* catalogue,
                                  const outbox::EventFeed* feed)
      : kit_(kit), plans_(plans), catalogue_(catalogue), feed_(feed) {}

  grpc::ServerUnaryReactor* ListEventHeads(
      grpc::CallbackServerContext* context,
      const v1::ListEventHeadsRequest* request,
      v1::ListEventHeadsResponse* response) override;
  grpc::ServerUnaryReactor* ListClinicEvents(
      grpc::CallbackServerContext* context,
      const v1::ListClinicEventsRequest* request,
      v1::ListClinicEventsResponse* response) override;
  // Each plan, then its revisions oldest first (a page holds whole plans);
  // then the exercises and plan templates the clinic sees.
  grpc::ServerUnaryReactor* ExportSnapshot(
      grpc::CallbackServerContext* context,
      const v1::ExportSnapshotRequest* request,
      v1::ExportSnapshotResponse* response) override;

 private:
  // One page of the snapshot from `at`; where the next begins, if any.
  absl::StatusOr<std::optional<PageCursor>> SnapshotPage(
      const outbox::FeedPage& page, const PageCursor& at, absl::Time deadline,
      v1::ExportSnapshotResponse& response);

  ServiceKit* kit_;
  PlanRepository* plans_;
  CatalogueRepository* catalogue_;
  const outbox::EventFeed* feed_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_HANDLERS_INTERNAL_HANDLERS_H_
