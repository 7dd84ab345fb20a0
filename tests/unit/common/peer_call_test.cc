// How a peer's answer becomes this service's: the peer's verdicts on the
// request pass through, the rest is the peer being unavailable (its text not
// passed on), and a peer that does not answer in time is the caller's
// deadline exceeded. A peer call's deadline is a little shorter than the
// caller's, so that the answer still reaches the caller in time.

#include "services/common/peer_call.h"

#include <gtest/gtest.h>

namespace corebalance {
namespace {

TEST(MapPeerStatus, NoAnswerInTimeIsTheCallersDeadlineExceeded) {
  absl::Status s = MapPeerStatus(
      "prescription",
      grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "Deadline Exceeded"));
  EXPECT_EQ(s.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_NE(s.message().find("prescription"), std::string::npos);
}

TEST(MapPeerStatus, VerdictsOnTheRequestPassThrough) {
  EXPECT_EQ(MapPeerStatus("intake", grpc::Status(grpc::StatusCode::NOT_FOUND,
                                                 "patients/x not found"))
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(
      MapPeerStatus("intake",
                    grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "no"))
          .code(),
      absl::StatusCode::kPermissionDenied);
}

TEST(MapPeerStatus, ATransportFailureIsUnavailableWithoutItsText) {
  absl::Status s = MapPeerStatus(
      "intake", grpc::Status(grpc::StatusCode::UNAVAILABLE,
                             "failed to connect to all addresses; "
                             "ipv4:10.1.2.3:50051"));
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(s.message().find("10.1.2.3"), std::string::npos);
}

}  // namespace
}  // namespace corebalance
