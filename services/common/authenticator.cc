#include "services/common/authenticator.h"

#include <grpcpp/client_context.h>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "services/common/grpc_status.h"
#include "services/common/peer_call.h"
#include "services/common/principal_proto.h"
#include "services/common/sha256.h"

namespace corebalance {

Authenticator::Authenticator(std::shared_ptr<grpc::Channel> access_channel,
                             std::string internal_key, Options options)
    : stub_(v1::AccessInternalService::NewStub(std::move(access_channel))),
      internal_key_(std::move(internal_key)),
      options_(options) {}

absl::StatusOr<Principal> Authenticator::Authenticate(absl::string_view token,
                                                      absl::Time deadline) {
  if (token.empty()) {
    return absl::UnauthenticatedError(
        "missing credentials: send \"authorization: Bearer <token>\"");
  }
  // Keyed by hash so the cache never holds secrets.
  const std::string key = Sha256Hex(token);
  const absl::Time now = absl::Now();
  std::optional<Entry> cached;
  {
    absl::MutexLock lock(&mu_);
    auto it = cache_.find(key);
    if (it != cache_.end() && it->second.expires > now) cached = it->second;
  }
  if (!cached) {
    auto fresh = Introspect(token, deadline);
    if (!fresh.ok()) return fresh.status();
    absl::MutexLock lock(&mu_);
    if (cache_.size() >= options_.max_entries) cache_.clear();
    cache_[key] = *fresh;
    cached = *std::move(fresh);
  }
  if (!cached->active) {
    return absl::UnauthenticatedError("invalid, expired or revoked token");
  }
  return cached->principal;
}

absl::StatusOr<Authenticator::Entry> Authenticator::Introspect(
    absl::string_view token, absl::Time deadline) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  context.AddMetadata(kInternalKeyHeader, internal_key_);
  v1::IntrospectTokenRequest request;
  request.set_token(std::string(token));
  v1::IntrospectTokenResponse response;
  grpc::Status status = stub_->IntrospectToken(&context, request, &response);
  if (!status.ok()) {
    // Whatever went wrong between our services, the caller may retry: it is
    // not their token's fault. What went wrong is for our logs: the caller
    // may not even be authenticated.
    LogPeerFailure("access", "IntrospectToken", status);
    return absl::UnavailableError(
        "cannot verify credentials right now: try again shortly");
  }
  Entry entry;
  entry.active = response.active();
  entry.expires =
      absl::Now() + (entry.active ? options_.ttl : options_.negative_ttl);
  if (entry.active)
    entry.principal = PrincipalFromIdentity(response.identity());
  return entry;
}

}  // namespace corebalance
