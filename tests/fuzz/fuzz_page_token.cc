// Page tokens: opaque to clients, but a client can send any bytes as one.
// Input: the filter fingerprint, a newline, then the token.

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "services/common/page_token.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corebalance;
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const absl::string_view filters =
      newline == absl::string_view::npos ? "" : input.substr(0, newline);
  const absl::string_view token =
      newline == absl::string_view::npos ? input : input.substr(newline + 1);

  auto cursor = DecodePageToken(token, filters);
  if (cursor.ok() && cursor->has_value()) {
    // A token we accept means the same page once issued again.
    auto again = DecodePageToken(EncodePageToken(**cursor, filters), filters);
    FUZZ_CHECK(again.ok() && again->has_value());
    FUZZ_CHECK((*again)->last_key == (*cursor)->last_key);
    FUZZ_CHECK((*again)->last_id == (*cursor)->last_id);
  }

  // Any id survives a round trip.
  const PageCursor issued{static_cast<int64_t>(size) - 500, std::string(token)};
  const std::string encoded = EncodePageToken(issued, filters);
  auto decoded = DecodePageToken(encoded, filters);
  FUZZ_CHECK(decoded.ok() && decoded->has_value());
  FUZZ_CHECK((*decoded)->last_key == issued.last_key);
  FUZZ_CHECK((*decoded)->last_id == issued.last_id);

  FUZZ_CHECK(EffectivePageSize(static_cast<int>(size) - 2000).ok() ==
             (size >= 2000));
  return 0;
}
