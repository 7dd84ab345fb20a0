// WatchAlerts: alerts streamed as they are raised, from any replica,
// resumable without loss or repeats, ended cleanly by shutdown.

#include <grpcpp/create_channel.h>

#include <deque>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "tests/integration/progress/alert_watcher.h"
#include "tests/integration/progress/progress_fixture.h"

namespace corebalance::test {
namespace {

class WatchAlertsTest : public ProgressTest {
 protected:
  static std::vector<std::string> Names(
      const std::vector<v1::WatchAlertsResponse>& responses) {
    std::vector<std::string> out;
    for (const auto& r : responses) out.push_back(r.alert().name());
    return out;
  }
};

TEST_F(WatchAlertsTest, StreamsNewAlertsOfTheClinic) {
  const v1::Plan earlier = PatientWithPlan();
  MustLog(RedSession(earlier));  // before the watch: not streamed
  Watcher watcher(server().channel(), Practitioner(), "patients/-");
  ASSERT_TRUE(watcher.open());
  const v1::Plan plan = PatientWithPlan();
  MustLog(RedSession(plan));
  const auto got = watcher.WaitFor(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].alert().kind(), v1::Alert::KIND_PAIN_FLARE);
  EXPECT_TRUE(got[0].alert().name().rfind(PatientOf(plan.name()), 0) == 0)
      << got[0].alert().name();
  EXPECT_FALSE(got[0].cursor().empty());
  EXPECT_EQ(watcher.After(absl::Milliseconds(800)).size(), 1u);
}

TEST_F(WatchAlertsTest, AClientThatResumesGetsEveryAlertExactlyOnce) {
  const v1::Plan plan = PatientWithPlan();
  std::vector<std::string> raised;
  auto raise = [&] {
    MustLog(RedSession(plan));
    const auto all = Alerts(PatientOf(plan.name()));
    raised.push_back(all.front().name());  // newest first
  };
  std::string cursor;
  std::vector<std::string> seen;
  {
    Watcher first(server().channel(), Practitioner(), "patients/-");
    raise();
    raise();
    const auto got = first.WaitFor(2);
    ASSERT_EQ(got.size(), 2u);
    // The client saw the first and "crashed" before handling the second.
    seen.push_back(got[0].alert().name());
    cursor = got[0].cursor();
  }
  raise();  // while disconnected
  raise();
  Watcher second(server().channel(), Practitioner(), "patients/-", cursor);
  for (const auto& r : second.WaitFor(3)) seen.push_back(r.alert().name());
  raise();
  const auto all = second.WaitFor(4);
  ASSERT_EQ(all.size(), 4u);
  seen.push_back(all.back().alert().name());
  EXPECT_EQ(seen, raised);
  EXPECT_EQ(second.After(absl::Milliseconds(800)).size(), 4u);
}

TEST_F(WatchAlertsTest, SeesAlertsAnotherReplicaRaised) {
  auto replica = StartProgressReplica(server().address());
  ASSERT_NE(replica, nullptr);
  Watcher watcher(server().channel(), Practitioner(), "patients/-");
  const v1::Plan plan = PatientWithPlan();
  auto stub = v1::ProgressService::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", replica->port()),
                          grpc::InsecureChannelCredentials()));
  v1::LogSessionRequest request;
  request.set_parent(PatientOf(plan.name()));
  *request.mutable_session() = RedSession(plan);
  v1::Session logged;
  ASSERT_TRUE(
      stub->LogSession(Context(Practitioner()).get(), request, &logged).ok());
  const auto got = watcher.WaitFor(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].alert().kind(), v1::Alert::KIND_PAIN_FLARE);
  replica->Shutdown();
}

TEST_F(WatchAlertsTest, FiltersByPatientAndKind) {
  const v1::Plan mine = PatientWithPlan();
  const v1::Plan other = PatientWithPlan();
  Watcher by_patient(server().channel(), Practitioner(),
                     PatientOf(mine.name()));
  Watcher by_kind(server().channel(), Practitioner(), "patients/-", "",
                  v1::Alert::KIND_WORSENING);
  MustLog(RedSession(other));
  MustLog(RedSession(mine));
  const auto got = by_patient.WaitFor(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].alert().name().rfind(PatientOf(mine.name()), 0) == 0);
  EXPECT_EQ(by_patient.After(absl::Milliseconds(800)).size(), 1u);
  EXPECT_TRUE(by_kind.After(absl::Milliseconds(200)).empty());
}

TEST_F(WatchAlertsTest, OtherClinicsAndRolesSeeNothing) {
  const std::string other_clinic = server().OtherClinicAdminToken();
  Watcher other(server().channel(), other_clinic, "patients/-");
  Watcher front_desk(server().channel(), FrontDesk(), "patients/-");
  Watcher nobody(server().channel(), "", "patients/-");
  MustLog(RedSession(PatientWithPlan()));
  auto denied = front_desk.Ended();
  ASSERT_TRUE(denied.has_value());
  EXPECT_EQ(denied->error_code(), grpc::StatusCode::PERMISSION_DENIED);
  auto unauthenticated = nobody.Ended();
  ASSERT_TRUE(unauthenticated.has_value());
  EXPECT_EQ(unauthenticated->error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(other.After(absl::Milliseconds(800)).empty());
}

TEST_F(WatchAlertsTest, BadRequestsAreRefusedWithTheField) {
  Watcher bad_cursor(server().channel(), Practitioner(), "patients/-",
                     "not-a-cursor");
  EXPECT_FALSE(bad_cursor.open());
  auto status = bad_cursor.Ended();
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(status->error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(*status).count("after")) << status->error_message();

  Watcher bad_parent(server().channel(), Practitioner(), "clinics/1");
  status = bad_parent.Ended();
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(status->error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(*status).count("parent"));
}

TEST_F(WatchAlertsTest, ShutdownEndsTheStreamCleanly) {
  auto replica = StartProgressReplica(server().address());
  ASSERT_NE(replica, nullptr);
  Watcher watcher(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", replica->port()),
                          grpc::InsecureChannelCredentials()),
      Practitioner(), "patients/-");
  const absl::Time start = absl::Now();
  replica->Shutdown();
  auto status = watcher.Ended();
  ASSERT_TRUE(status.has_value()) << "the stream did not end";
  EXPECT_TRUE(status->ok()) << status->error_message();
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

}  // namespace
}  // namespace corebalance::test
