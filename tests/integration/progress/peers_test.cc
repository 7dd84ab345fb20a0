// ProgressService in its own runtime, reaching intake and prescription by
// address only: working peers are used with the caller's credentials, a dead
// one gives UNAVAILABLE quickly.

#include <grpcpp/create_channel.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/integration/progress/progress_fixture.h"
#include "tests/support/free_port.h"

namespace corebalance::test {
namespace {

using server::ServerRuntime;
using server::Target;

class ProgressPeersTest : public ProgressTest {
 protected:
  static grpc::Status LogThrough(ServerRuntime& runtime,
                                 const v1::Session& session, v1::Session* out) {
    auto stub = v1::ProgressService::NewStub(
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", runtime.port()),
                            grpc::InsecureChannelCredentials()));
    v1::LogSessionRequest request;
    request.set_parent(PatientOf(session.plan()));
    *request.mutable_session() = session;
    return stub->LogSession(Context(Practitioner()).get(), request, out);
  }
};

TEST_F(ProgressPeersTest, LogsWithPeersInAnotherProcess) {
  auto progress = StartProgressReplica(server().address());
  ASSERT_NE(progress, nullptr);
  const v1::Plan plan = PatientWithPlan();
  v1::Session in = GoodSession(plan);
  in.clear_pain_before();  // the baseline comes from intake
  v1::Session out;
  grpc::Status s = LogThrough(*progress, in, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.plan(), plan.name());
  EXPECT_EQ(out.baseline_source(), v1::Session::BASELINE_SOURCE_ASSESSMENT);
}

TEST_F(ProgressPeersTest, DeadPeerIsUnavailableQuickly) {
  auto progress =
      StartProgressReplica(absl::StrCat("127.0.0.1:", PickFreePort()));
  ASSERT_NE(progress, nullptr);
  const v1::Plan plan = PatientWithPlan();
  v1::Session out;
  const absl::Time start = absl::Now();
  grpc::Status s = LogThrough(*progress, GoodSession(plan), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
  EXPECT_EQ(ReasonOf(s), "PRESCRIPTION_UNAVAILABLE");
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));
  EXPECT_TRUE(AllSessions(PatientOf(plan.name())).empty());
}

}  // namespace
}  // namespace corebalance::test
