// ProgressService in its own runtime, reaching intake and prescription by
// address only: working peers feed its copy and answer what the copy lacks;
// with both dead, sessions are still logged and summaries read from the
// copy, its lag reported, and what the copy lacks is UNAVAILABLE quickly.

#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/create_channel.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/integration/progress/progress_fixture.h"
#include "tests/support/free_port.h"

namespace corebalance::test {
namespace {

using google::protobuf::util::MessageDifferencer;
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
  static grpc::Status SummaryThrough(ServerRuntime& runtime,
                                     const std::string& patient,
                                     v1::ProgressSummary* out) {
    auto stub = v1::ProgressService::NewStub(
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", runtime.port()),
                            grpc::InsecureChannelCredentials()));
    v1::GetProgressSummaryRequest request;
    request.set_patient(patient);
    request.set_window_days(14);
    return stub->GetProgressSummary(Context(Practitioner()).get(), request,
                                    out);
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

TEST_F(ProgressPeersTest, WithBothPeersDownTheCopyStillServes) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  // Through the suite's server, whose copy (in the one database) then has
  // the plan and the assessment: both calls wait for the copy.
  MustLog(GoodSession(plan));
  v1::ProgressSummary before;
  v1::GetProgressSummaryRequest request;
  request.set_patient(patient);
  ASSERT_TRUE(
      Stub()
          ->GetProgressSummary(Context(Practitioner()).get(), request, &before)
          .ok());
  auto progress =
      StartProgressReplica(absl::StrCat("127.0.0.1:", PickFreePort()));
  ASSERT_NE(progress, nullptr);

  v1::Session in = GoodSession(plan, absl::Seconds(2));
  in.clear_pain_before();  // the baseline comes from the copied assessment
  v1::Session out;
  grpc::Status s = LogThrough(*progress, in, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.plan_revision(), plan.revision());
  EXPECT_EQ(out.baseline_source(), v1::Session::BASELINE_SOURCE_ASSESSMENT);

  v1::ProgressSummary summary;
  s = SummaryThrough(*progress, patient, &summary);
  ASSERT_TRUE(s.ok()) << s.error_message();
  // The replica never reached the owners: it says how far behind it may be.
  ASSERT_TRUE(summary.has_source_data_lag());
  EXPECT_GT(
      summary.source_data_lag().seconds() + summary.source_data_lag().nanos(),
      0);
  // Otherwise the same answer as the suite's server, which reaches them.
  v1::ProgressSummary reached;
  request.set_window_days(14);
  ASSERT_TRUE(
      Stub()
          ->GetProgressSummary(Context(Practitioner()).get(), request, &reached)
          .ok());
  EXPECT_FALSE(reached.has_source_data_lag());
  summary.clear_source_data_lag();
  EXPECT_TRUE(MessageDifferencer::Equals(summary, reached))
      << summary.DebugString() << reached.DebugString();
  EXPECT_EQ(summary.plan(), plan.name());
  EXPECT_EQ(summary.pain_trend().baseline(), 6);
}

TEST_F(ProgressPeersTest, DeadPeerIsUnavailableQuicklyForWhatTheCopyLacks) {
  auto progress =
      StartProgressReplica(absl::StrCat("127.0.0.1:", PickFreePort()));
  ASSERT_NE(progress, nullptr);
  const v1::Plan plan = PatientWithPlan();
  v1::Session session = GoodSession(plan);
  // A plan the copy has never seen: only prescription could say.
  session.set_plan(PatientOf(plan.name()) + "/plans/neverseen");
  v1::Session out;
  const absl::Time start = absl::Now();
  grpc::Status s = LogThrough(*progress, session, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
  EXPECT_EQ(ReasonOf(s), "PRESCRIPTION_UNAVAILABLE");
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));
  EXPECT_TRUE(AllSessions(PatientOf(plan.name())).empty());
}

TEST_F(ProgressPeersTest,
       ALogRightAfterAnAssignIsCheckedAgainstItOverTheNetwork) {
  auto progress = StartProgressReplica(server().address());
  ASSERT_NE(progress, nullptr);
  for (int i = 0; i < 3; ++i) {
    // The replica's copy learns of each plan through prescription's feed.
    const v1::Plan plan = PatientWithPlan();
    v1::Session out;
    grpc::Status s = LogThrough(*progress, GoodSession(plan), &out);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(out.plan(), plan.name());
    EXPECT_EQ(out.plan_revision(), plan.revision());
  }
}

}  // namespace
}  // namespace corebalance::test
