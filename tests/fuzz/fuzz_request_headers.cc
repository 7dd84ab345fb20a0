// The metadata headers a client sends: authorization and x-request-id.

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "services/common/request_headers.h"
#include "services/outbox/audit_bounds.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corebalance;
  const absl::string_view header(reinterpret_cast<const char*>(data), size);

  const std::string token = BearerTokenOf(header);
  FUZZ_CHECK(token.size() + 7 <= header.size() || token.empty());
  if (!token.empty()) FUZZ_CHECK(absl::EndsWith(header, token));

  // The request id is cut to its bound before it is logged or audited; every
  // audited field's bound is tried, since each takes client text.
  for (size_t max : {outbox::kMaxRequestIdChars, outbox::kMaxActorChars,
                     outbox::kMaxActionChars, outbox::kMaxResourceChars,
                     outbox::kMaxStatusCodeChars, outbox::kMaxPeerChars}) {
    const std::string kept = outbox::Bounded(header, max);
    FUZZ_CHECK(kept.size() <= max);
    if (header.size() <= max) FUZZ_CHECK(kept == header);
  }
  return 0;
}
