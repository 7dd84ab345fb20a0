#ifndef COREBALANCE_SERVICES_COMMON_REQUEST_HEADERS_H_
#define COREBALANCE_SERVICES_COMMON_REQUEST_HEADERS_H_

// Reading the metadata headers a client sends. Pure string functions, apart
// from the gRPC context, so they can be tested and fuzzed alone.

#include <string>

#include "absl/strings/string_view.h"

namespace corebalance {

// The token of an "authorization: Bearer <token>" header value (the scheme
// in either case as clients send it); empty for no header or another scheme.
std::string BearerTokenOf(absl::string_view authorization);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_REQUEST_HEADERS_H_
