#include "services/outbox/event_feed.h"

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/page_token.h"
#include "services/common/resource_id.h"
#include "services/common/status_macros.h"

namespace corebalance::outbox {
namespace {

constexpr char kHeadsFingerprint[] = "event-heads";
constexpr int kDefaultHeads = 500;
constexpr int kDefaultEvents = 200;

}  // namespace

absl::StatusOr<FeedPage> ReadFeedPage(const std::string& clinic, int page_size,
                                      int default_size) {
  FeedPage page;
  page.clinic_id = ClinicIdFromName(clinic);
  if (page.clinic_id <= 0) {
    return InvalidArgumentError("clinic", "must be clinics/{clinic}");
  }
  auto size = EffectivePageSize(page_size);
  if (!size.ok()) {
    return InvalidArgumentError("page_size", "must not be negative");
  }
  page.limit = page_size == 0 ? default_size : *size;
  return page;
}

absl::Status EventFeed::ListEventHeads(const v1::ListEventHeadsRequest& request,
                                       v1::ListEventHeadsResponse& response,
                                       absl::Time deadline) const {
  auto size = EffectivePageSize(request.page_size());
  if (!size.ok()) {
    return InvalidArgumentError("page_size", "must not be negative");
  }
  const int limit = request.page_size() == 0 ? kDefaultHeads : *size;
  CB_ASSIGN_OR_RETURN(std::optional<PageCursor> cursor,
                      DecodePageToken(request.page_token(), kHeadsFingerprint));
  CB_ASSIGN_OR_RETURN(
      std::vector<DomainHead> heads,
      store_->DomainHeads(*pool_, deadline, cursor ? cursor->last_key : 0,
                          limit + 1));
  const bool more = static_cast<int>(heads.size()) > limit;
  if (more) heads.resize(limit);
  for (const DomainHead& h : heads) {
    v1::EventHead& out = *response.add_heads();
    out.set_clinic(ClinicName(h.clinic_id));
    out.set_last_seq(h.last_seq);
  }
  if (more) {
    response.set_next_page_token(
        EncodePageToken({heads.back().clinic_id, ""}, kHeadsFingerprint));
  }
  return absl::OkStatus();
}

absl::Status EventFeed::ListClinicEvents(
    const v1::ListClinicEventsRequest& request,
    v1::ListClinicEventsResponse& response, absl::Time deadline) const {
  CB_ASSIGN_OR_RETURN(
      FeedPage page,
      ReadFeedPage(request.clinic(), request.page_size(), kDefaultEvents));
  if (request.after_seq() < 0) {
    return InvalidArgumentError("after_seq", "must not be negative");
  }
  CB_ASSIGN_OR_RETURN(
      auto events, store_->DomainEventsAfter(*pool_, deadline, page.clinic_id,
                                             request.after_seq(), page.limit));
  for (v1::DomainEvent& e : events.first) *response.add_events() = std::move(e);
  response.set_last_seq(events.second);
  return absl::OkStatus();
}

}  // namespace corebalance::outbox
