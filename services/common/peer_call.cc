#include "services/common/peer_call.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/authenticator.h"
#include "services/common/errors.h"
#include "services/common/grpc_status.h"
#include "services/common/logging.h"

namespace corebalance {

std::string ForwardedAuthorization(const grpc::CallbackServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return {};
  return std::string(it->second.data(), it->second.size());
}

void PreparePeerCall(grpc::ClientContext& context, const OnBehalf& on_behalf,
                     absl::Time deadline) {
  const absl::Duration left = deadline - absl::Now();
  const absl::Duration margin =
      std::clamp(left / 10, absl::Milliseconds(20), absl::Milliseconds(500));
  context.set_deadline(absl::ToChronoTime(deadline - margin));
  if (!on_behalf.authorization.empty()) {
    context.AddMetadata("authorization", on_behalf.authorization);
  }
  if (!on_behalf.internal_key.empty()) {
    context.AddMetadata(kInternalKeyHeader, on_behalf.internal_key);
  }
}

absl::Status PeerUnavailable(absl::string_view peer, absl::string_view why) {
  return WithReason(absl::UnavailableError(absl::StrCat(
                        peer, " service unavailable: ", why, "; try again")),
                    absl::StrCat(absl::AsciiStrToUpper(peer), "_UNAVAILABLE"));
}

void LogPeerFailure(absl::string_view peer, absl::string_view method,
                    const grpc::Status& status) {
  const std::string code = absl::StatusCodeToString(
      static_cast<absl::StatusCode>(status.error_code()));
  if (method.empty()) {
    log::Warn("peer_call_failed", {{"peer", std::string(peer)},
                                   {"code", code},
                                   {"error", status.error_message()}});
    return;
  }
  log::Warn("peer_call_failed", {{"peer", std::string(peer)},
                                 {"method", std::string(method)},
                                 {"code", code},
                                 {"error", status.error_message()}});
}

absl::Status MapPeerStatus(absl::string_view peer, const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::OK:
      return absl::OkStatus();
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::FAILED_PRECONDITION:
      return FromGrpcStatus(status);
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      // The peer's deadline is the caller's, less a margin: what ran out is
      // the time the caller allowed, whether the peer was slow or silent.
      return absl::DeadlineExceededError(
          absl::StrCat("the call's deadline passed while waiting for the ",
                       peer, " service; allow more time, or try again"));
    default:
      // A channel's own text names the peer's address: logged, not passed on.
      LogPeerFailure(peer, "", status);
      return PeerUnavailable(peer, "no usable answer");
  }
}

absl::Status MapPeerStatus(absl::string_view peer, const grpc::Status& status,
                           grpc::Channel* remote) {
  if (remote != nullptr &&
      status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    const grpc_connectivity_state state =
        remote->GetState(/*try_to_connect=*/false);
    if (state == GRPC_CHANNEL_CONNECTING ||
        state == GRPC_CHANNEL_TRANSIENT_FAILURE ||
        state == GRPC_CHANNEL_SHUTDOWN) {
      return PeerUnavailable(peer, "no answer in time");
    }
  }
  return MapPeerStatus(peer, status);
}

}  // namespace corebalance
