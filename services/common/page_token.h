#ifndef COREBALANCE_SERVICES_COMMON_PAGE_TOKEN_H_
#define COREBALANCE_SERVICES_COMMON_PAGE_TOKEN_H_

// AIP-158 page tokens: opaque to clients, they carry the sort key of the last
// item returned plus a fingerprint of the request's filters, so a token reused
// with other filters is refused instead of silently skipping rows. Keyset
// paging (WHERE key > last) keeps pages stable while rows are inserted.

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace corebalance {

struct PageCursor {
  // The last item's sort key, e.g. a timestamp in microseconds, and its id as
  // the tie-breaker.
  int64_t last_key = 0;
  std::string last_id;
};

struct PageSize {
  static constexpr int kDefault = 50;
  static constexpr int kMax = 1000;
};

// INVALID_ARGUMENT for a negative size; 0 means the default; capped at kMax.
absl::StatusOr<int> EffectivePageSize(int requested);

std::string EncodePageToken(const PageCursor& cursor,
                            absl::string_view filter_fingerprint);

// INVALID_ARGUMENT (field "page_token") when the token is malformed or was
// issued for different filters. An empty token is the first page (nullopt).
absl::StatusOr<std::optional<PageCursor>> DecodePageToken(
    absl::string_view token, absl::string_view filter_fingerprint);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_PAGE_TOKEN_H_
