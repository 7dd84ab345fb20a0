#include "services/outbox/audit_bounds.h"

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "services/common/sha256.h"

namespace corebalance::outbox {
namespace {

TEST(Bounded, ShortValuesStayAsTheyAre) {
  EXPECT_EQ(Bounded("patients/abc", 300), "patients/abc");
  EXPECT_EQ(Bounded(std::string(300, 'x'), 300), std::string(300, 'x'));
  EXPECT_FALSE(IsCut("patients/abc"));
}

TEST(Bounded, LongValuesAreCutToTheBoundWithLengthAndHash) {
  const std::string long_name = "patients/" + std::string(30000, 'q');
  const std::string cut = Bounded(long_name, 300);
  EXPECT_EQ(cut.size(), 300u);
  EXPECT_TRUE(absl::StartsWith(cut, "patients/qqq"));
  EXPECT_TRUE(absl::StrContains(cut, "[cut 30009 chars sha256:"));
  EXPECT_TRUE(absl::StrContains(cut, Sha256Hex(long_name)));
  EXPECT_TRUE(IsCut(cut));
}

TEST(Bounded, NeverSplitsAUtf8Sequence) {
  // "é" is two bytes: whatever the cut, no lone continuation byte is left.
  std::string accented;
  for (int i = 0; i < 500; ++i) accented += "\xC3\xA9";
  for (size_t max : {100u, 101u, 150u, 151u}) {
    const std::string cut = Bounded(accented, max);
    EXPECT_LE(cut.size(), max);
    const size_t marker = cut.find("...[cut ");
    ASSERT_NE(marker, std::string::npos);
    EXPECT_EQ(marker % 2, 0u) << max;
  }
}

TEST(BoundAuditEvent, CutsEveryFieldToItsDocumentedBound) {
  v1::AuditEvent e;
  e.set_actor(std::string(500, 'a'));
  e.set_action(std::string(500, 'b'));
  e.set_resource(std::string(5000, 'c'));
  e.set_patient(std::string(500, 'd'));
  e.set_status_code(std::string(500, 'e'));
  e.set_request_id(std::string(10000, 'f'));
  e.set_peer(std::string(500, 'g'));
  EXPECT_FALSE(AuditEventProblem(e).empty());
  BoundAuditEvent(e);
  EXPECT_EQ(e.actor().size(), kMaxActorChars);
  EXPECT_EQ(e.action().size(), kMaxActionChars);
  EXPECT_EQ(e.resource().size(), kMaxResourceChars);
  EXPECT_EQ(e.patient().size(), kMaxPatientChars);
  EXPECT_LE(e.status_code().size(), kMaxStatusCodeChars);
  EXPECT_EQ(e.request_id().size(), kMaxRequestIdChars);
  EXPECT_EQ(e.peer().size(), kMaxPeerChars);
  EXPECT_EQ(AuditEventProblem(e), "");
}

}  // namespace
}  // namespace corebalance::outbox
