#ifndef COREBALANCE_SERVICES_OUTBOX_EVENT_FEED_H_
#define COREBALANCE_SERVICES_OUTBOX_EVENT_FEED_H_

// The internal event feed an owning service offers (event_feed.proto): the
// clinics' heads and their domain events from the service's outbox, for the
// services that keep a copy of its data. The snapshot is the service's own
// (it knows its tables); FeedPage reads the size and clinic of a request.

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "corebalance/v1/event_feed.pb.h"
#include "services/outbox/outbox_store.h"
#include "services/store/pool.h"

namespace corebalance::outbox {

// The clinic and page size of a feed request; INVALID_ARGUMENT naming the
// field when the clinic is not `clinics/{id}` or the size is negative.
struct FeedPage {
  int64_t clinic_id = 0;
  int limit = 0;
};
absl::StatusOr<FeedPage> ReadFeedPage(const std::string& clinic, int page_size,
                                      int default_size);

class EventFeed {
 public:
  EventFeed(const OutboxStore* store, store::Pool* pool)
      : store_(store), pool_(pool) {}

  absl::Status ListEventHeads(const v1::ListEventHeadsRequest& request,
                              v1::ListEventHeadsResponse& response,
                              absl::Time deadline) const;
  absl::Status ListClinicEvents(const v1::ListClinicEventsRequest& request,
                                v1::ListClinicEventsResponse& response,
                                absl::Time deadline) const;

 private:
  const OutboxStore* store_;
  store::Pool* pool_;
};

}  // namespace corebalance::outbox

#endif  // COREBALANCE_SERVICES_OUTBOX_EVENT_FEED_H_
