#ifndef COREBALANCE_BENCH_COMMON_CHANNELS_H_
#define COREBALANCE_BENCH_COMMON_CHANNELS_H_

// N separate HTTP/2 connections to the server. Channels with equal
// arguments share one subchannel (one TCP connection) in gRPC's global pool,
// so each gets a local subchannel pool and an argument of its own.

#include <grpcpp/channel.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace corebalance::bench {

// Connected channels; UNAVAILABLE when the server does not accept a
// connection within `connect_timeout`.
absl::StatusOr<std::vector<std::shared_ptr<grpc::Channel>>> ConnectChannels(
    const std::string& addr, int count, absl::Duration connect_timeout);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_COMMON_CHANNELS_H_
