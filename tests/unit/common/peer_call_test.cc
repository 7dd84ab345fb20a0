// How a peer's answer becomes this service's: the peer's verdicts on the
// request pass through, the rest is the peer being unavailable (its text not
// passed on). A peer call's deadline is a little shorter than the caller's,
// so that a silent peer is answered UNAVAILABLE before the caller gives up.

#include "services/common/peer_call.h"

#include <gtest/gtest.h>

namespace corebalance {
namespace {

TEST(MapPeerStatus, NoAnswerInTimeIsThePeerUnavailable) {
  absl::Status s = MapPeerStatus(
      "prescription",
      grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "Deadline Exceeded"));
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
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
