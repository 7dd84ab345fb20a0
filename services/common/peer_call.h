#ifndef COREBALANCE_SERVICES_COMMON_PEER_CALL_H_
#define COREBALANCE_SERVICES_COMMON_PEER_CALL_H_

// A service calling another on behalf of its caller: the caller's own
// `authorization` header is forwarded (the callee applies the same
// principal and clinic), the deployment's internal key marks the call as a
// peer's (the callee does not audit it again: the caller's call is
// audited once, where it arrived), and the callee must answer a little
// before the caller's deadline, so that its answer (or DEADLINE_EXCEEDED)
// still reaches the caller in time.

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace corebalance {

// Who a peer call acts for.
struct OnBehalf {
  // The caller's `authorization` header, as it came.
  std::string authorization;
  std::string internal_key;
};

// The caller's own `authorization` header ("" when none).
std::string ForwardedAuthorization(const grpc::CallbackServerContext& context);

// Sets the metadata and a deadline a little before `deadline`, so that a
// silent peer still leaves time to answer DEADLINE_EXCEEDED.
void PreparePeerCall(grpc::ClientContext& context, const OnBehalf& on_behalf,
                     absl::Time deadline);

// UNAVAILABLE with reason "<PEER>_UNAVAILABLE". `why` reaches the caller:
// a plain phrase, never the peer's or the channel's own text.
absl::Status PeerUnavailable(absl::string_view peer, absl::string_view why);

// Logs (warn, "peer_call_failed") why a call to the `peer` service (its
// `method`, when given) failed: the code and the message, which can name
// hosts and ports when the channel failed. Callers get a plain message.
void LogPeerFailure(absl::string_view peer, absl::string_view method,
                    const grpc::Status& status);

// The peer's answer as ours: its verdicts about the request (NOT_FOUND,
// PERMISSION_DENIED, ...) stand; no answer in time is DEADLINE_EXCEEDED
// (the caller's time ran out); anything else saying it could not answer
// becomes UNAVAILABLE, never INTERNAL, with a plain message (the peer's
// own is logged).
absl::Status MapPeerStatus(absl::string_view peer, const grpc::Status& status);
// The same, told apart by the channel to a peer in another process (null
// for an in-process one, which is always reachable): no answer in time
// from a peer the channel never reached (down, or a listener that does not
// speak gRPC) is the peer UNAVAILABLE; from a connected peer, the caller's
// DEADLINE_EXCEEDED (its deadline was too short for the work).
absl::Status MapPeerStatus(absl::string_view peer, const grpc::Status& status,
                           grpc::Channel* remote);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_PEER_CALL_H_
