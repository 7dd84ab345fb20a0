#ifndef COREBALANCE_SERVICES_COMMON_INTERNAL_DETAIL_H_
#define COREBALANCE_SERVICES_COMMON_INTERNAL_DETAIL_H_

// What went wrong inside the server, for its operators only.
//
// A status's message is for the caller and stays plain ("the database is
// unavailable: try again shortly"). The detail behind it (a MySQL error
// number and SQLSTATE, the server's redacted text, the host that could not
// be reached) rides along as a status payload: ServiceKit logs it once with
// the method and request id, and ToGrpcStatus never sends it.
//
// Part of the pure base (no gRPC), and header-only so that the store, which
// links no corebalance library, sets it too (store::SqlErrorToStatus).

#include <string>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/strings/string_view.h"

namespace corebalance {

// Not a google.rpc detail (no type.googleapis.com/ prefix): never forwarded.
inline constexpr absl::string_view kInternalDetailUrl =
    "type.corebalance/internal-detail";

// `status` carrying `detail` (replacing an earlier one). OK stays OK.
inline absl::Status WithInternalDetail(absl::Status status,
                                       absl::string_view detail) {
  if (!status.ok() && !detail.empty()) {
    status.SetPayload(kInternalDetailUrl, absl::Cord(detail));
  }
  return status;
}

// The internal detail `status` carries, or "" when none.
inline std::string InternalDetail(const absl::Status& status) {
  const auto detail = status.GetPayload(kInternalDetailUrl);
  return detail.has_value() ? std::string(*detail) : std::string();
}

// For server logs and operator output (CLI stderr), never for a caller: the
// message, then the detail in parentheses when there is one.
inline std::string MessageAndDetail(const absl::Status& status) {
  std::string text(status.message());
  const std::string detail = InternalDetail(status);
  if (!detail.empty()) text += " (" + detail + ")";
  return text;
}

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_INTERNAL_DETAIL_H_
