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
      options_(options),
      unknown_by_client_(options.unknown_per_second, options.unknown_burst,
                         options.max_clients),
      valid_(options.max_entries),
      invalid_(options.max_negative_entries) {}

Authenticator::Lookup Authenticator::Cached(const std::string& key,
                                            absl::Time now) {
  Lookup lookup;
  if (Entry* entry = valid_.Find(key)) {
    if (entry->expires > now) {
      lookup.fresh = *entry;
      return lookup;
    }
    lookup.was_valid = true;
  }
  if (Entry* entry = invalid_.Find(key)) {
    if (entry->expires > now) {
      lookup.fresh = *entry;
      return lookup;
    }
    invalid_.Erase(key);
  }
  return lookup;
}

absl::StatusOr<Principal> Authenticator::Authenticate(
    absl::string_view token, absl::Time deadline, const std::string& client) {
  if (token.empty()) {
    return absl::UnauthenticatedError(
        "missing credentials: send \"authorization: Bearer <token>\"");
  }
  // Keyed by hash so the cache never holds secrets.
  const std::string key = Sha256Hex(token);
  Lookup lookup;
  {
    absl::MutexLock lock(&mu_);
    lookup = Cached(key, absl::Now());
  }
  std::optional<Entry> cached = std::move(lookup.fresh);
  if (!cached) {
    if (!lookup.was_valid && !client.empty() &&
        !unknown_by_client_.Allow(client, absl::Now())) {
      return absl::ResourceExhaustedError(
          "too many unrecognised credentials from this address: try again "
          "in a few seconds");
    }
    absl::StatusOr<Entry> fresh = IntrospectOnce(key, token, deadline);
    if (!fresh.ok()) return fresh.status();
    cached = *std::move(fresh);
  }
  if (!cached->active) {
    return absl::UnauthenticatedError("invalid, expired or revoked token");
  }
  return cached->principal;
}

absl::StatusOr<Authenticator::Entry> Authenticator::IntrospectOnce(
    const std::string& key, absl::string_view token, absl::Time deadline) {
  std::shared_ptr<Flight> flight;
  bool mine = false;
  {
    absl::MutexLock lock(&mu_);
    auto [it, inserted] = in_flight_.try_emplace(key);
    if (inserted) it->second = std::make_shared<Flight>();
    flight = it->second;
    mine = inserted;
  }
  if (!mine) {
    if (!flight->done.WaitForNotificationWithDeadline(deadline)) {
      return absl::DeadlineExceededError(
          "the deadline passed while the credentials were being verified");
    }
    return flight->result;
  }
  flight->result = Introspect(token, deadline);
  {
    absl::MutexLock lock(&mu_);
    if (flight->result.ok()) {
      if (flight->result->active) {
        valid_.Put(key, *flight->result);
      } else {
        valid_.Erase(key);  // revoked: no longer known as valid
        invalid_.Put(key, *flight->result);
      }
    }
    in_flight_.erase(key);
  }
  flight->done.Notify();
  return flight->result;
}

absl::StatusOr<Authenticator::Entry> Authenticator::Introspect(
    absl::string_view token, absl::Time deadline) {
  introspections_.fetch_add(1);
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
