// The adherence alert scanner: NON_ADHERENCE and LOW_ADHERENCE raised for
// ACTIVE plans, once per cause however many replicas scan, and the
// internal plan listing it reads.

#include <grpcpp/create_channel.h>

#include <set>
#include <thread>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "corebalance/v1/prescription_internal.grpc.pb.h"
#include "services/common/authenticator.h"
#include "services/common/internal_key.h"
#include "services/outbox/outbox.h"
#include "services/outbox/transactions.h"
#include "services/progress/alert_scanner.h"
#include "tests/integration/progress/progress_fixture.h"

namespace corebalance::test {
namespace {

using progress::AlertScanner;
using progress::ScanResult;

// A scanner as one replica runs it: its own connections and channel.
struct Replica {
  Replica()
      : pool(ProgressTest::server().database().config()),
        outbox("progress", &pool),
        tx(&pool, &outbox),
        sessions(&pool),
        alerts(&pool),
        raise(&tx, &alerts),
        scanner(&sessions, &raise, ProgressTest::server().channel(),
                ProgressTest::server().config().internal_key, {}, nullptr) {}
  store::Pool pool;
  outbox::Outbox outbox;
  outbox::Transactions tx;
  progress::SessionRepository sessions;
  progress::AlertRepository alerts;
  progress::RaiseAlerts raise;
  AlertScanner scanner;
};

class AlertScanTest : public ProgressTest {
 protected:
  static ScanResult MustScan(Replica& replica, absl::Time at) {
    absl::StatusOr<ScanResult> result = replica.scanner.ScanOnce(at);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : ScanResult{};
  }
  static grpc::Status ChangePlan(const std::string& method,
                                 const std::string& plan) {
    auto rx = v1::PrescriptionService::NewStub(server().channel());
    v1::Plan out;
    if (method == "pause") {
      v1::PausePlanRequest r;
      r.set_name(plan);
      r.set_reason("travelling for two weeks");
      return rx->PausePlan(Context(Practitioner()).get(), r, &out);
    }
    v1::ResumePlanRequest r;
    r.set_name(plan);
    r.set_reason("back home");
    return rx->ResumePlan(Context(Practitioner()).get(), r, &out);
  }
  static grpc::Status ListActive(const std::string& internal_key,
                                 const std::string& token, int page_size,
                                 const std::string& page_token,
                                 v1::ListActivePlansResponse* out) {
    auto stub = v1::PrescriptionInternalService::NewStub(server().channel());
    auto context = Context(token);
    if (!internal_key.empty()) {
      context->AddMetadata(kInternalKeyHeader, internal_key);
    }
    v1::ListActivePlansRequest request;
    request.set_page_size(page_size);
    request.set_page_token(page_token);
    return stub->ListActivePlans(context.get(), request, out);
  }
};

TEST_F(AlertScanTest, FourActiveDaysWithoutASessionRaiseNonAdherenceOnce) {
  Replica replica;
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  const absl::Time now = absl::Now();

  EXPECT_EQ(MustScan(replica, now + absl::Hours(3 * 24)).raised, 0);
  EXPECT_TRUE(Alerts(patient).empty());

  const ScanResult scan = MustScan(replica, now + absl::Hours(5 * 24));
  EXPECT_EQ(scan.plans, 1);
  EXPECT_EQ(scan.raised, 1);
  MustScan(replica, now + absl::Hours(6 * 24));  // the same cause
  std::vector<v1::Alert> alerts = Alerts(patient);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind(), v1::Alert::KIND_NON_ADHERENCE);
  EXPECT_NE(alerts[0].message().find("no session logged for"),
            std::string::npos)
      << alerts[0].message();

  // A session ends that gap; the next one is a new cause.
  MustLog(GoodSession(plan));
  EXPECT_EQ(MustScan(replica, now + absl::Hours(2 * 24)).raised, 0);
  EXPECT_EQ(MustScan(replica, now + absl::Hours(6 * 24)).raised, 1);
  EXPECT_EQ(Alerts(patient, v1::Alert::KIND_NON_ADHERENCE).size(), 2u);
}

TEST_F(AlertScanTest, PausedPlansRaiseNothing) {
  Replica replica;
  const v1::Plan plan = PatientWithPlan();
  ASSERT_TRUE(ChangePlan("pause", plan.name()).ok());
  MustScan(replica, absl::Now() + absl::Hours(30 * 24));
  EXPECT_TRUE(Alerts(PatientOf(plan.name())).empty());

  ASSERT_TRUE(ChangePlan("resume", plan.name()).ok());
  MustScan(replica, absl::Now() + absl::Hours(5 * 24));
  EXPECT_EQ(
      Alerts(PatientOf(plan.name()), v1::Alert::KIND_NON_ADHERENCE).size(), 1u);
}

TEST_F(AlertScanTest, FewSessionsOverTwoCompleteWeeksRaiseLowAdherence) {
  Replica replica;
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  MustLog(GoodSession(plan));
  // Three weeks on: the two complete weeks before hold at most one session
  // of the plan's several a week.
  MustScan(replica, absl::Now() + absl::Hours(22 * 24));
  const std::vector<v1::Alert> low =
      Alerts(patient, v1::Alert::KIND_LOW_ADHERENCE);
  ASSERT_EQ(low.size(), 1u);
  EXPECT_NE(low[0].message().find("adherence"), std::string::npos)
      << low[0].message();
  EXPECT_NE(low[0].cause().find("weeks:"), std::string::npos) << low[0].cause();
}

TEST_F(AlertScanTest, TwoReplicasScanningAtOnceRaiseEachAlertOnce) {
  std::vector<std::string> patients;
  for (int i = 0; i < 6; ++i)
    patients.push_back(PatientOf(PatientWithPlan().name()));
  Replica a;
  Replica b;
  const absl::Time at = absl::Now() + absl::Hours(22 * 24);
  std::vector<std::thread> scans;
  for (Replica* r : {&a, &b, &a, &b}) {
    scans.emplace_back([r, at] { MustScan(*r, at); });
  }
  for (auto& t : scans) t.join();
  for (const std::string& patient : patients) {
    std::multiset<int> kinds;
    for (const v1::Alert& alert : Alerts(patient)) kinds.insert(alert.kind());
    EXPECT_EQ(kinds.count(v1::Alert::KIND_NON_ADHERENCE), 1u) << patient;
    EXPECT_EQ(kinds.count(v1::Alert::KIND_LOW_ADHERENCE), 1u) << patient;
    EXPECT_EQ(kinds.size(), 2u) << patient;
  }
}

TEST_F(AlertScanTest, AStoppedScannerStopsScanning) {
  // Shutdown stops the scanner; a scan of 100,000 plans takes minutes and
  // must not hold the server's exit.
  Replica replica;
  const v1::Plan plan = PatientWithPlan();
  replica.scanner.Stop();
  absl::StatusOr<ScanResult> scan =
      replica.scanner.ScanOnce(absl::Now() + absl::Hours(5 * 24));
  EXPECT_EQ(scan.status().code(), absl::StatusCode::kCancelled);
  EXPECT_TRUE(Alerts(PatientOf(plan.name())).empty());
}

TEST_F(AlertScanTest, TheServerScansOnItsInterval) {
  // The suite's server scans every 300 ms; make the plan five days old.
  const v1::Plan plan = PatientWithPlan();
  BackdatePlan(plan, 5);

  std::vector<v1::Alert> alerts;
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  while (alerts.empty() && absl::Now() < give_up) {
    absl::SleepFor(absl::Milliseconds(100));
    alerts = Alerts(PatientOf(plan.name()), v1::Alert::KIND_NON_ADHERENCE);
  }
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_NE(alerts[0].message().find("5 days"), std::string::npos)
      << alerts[0].message();
}

TEST_F(AlertScanTest, ActivePlansAreForInternalCallersOnly) {
  v1::ListActivePlansResponse out;
  EXPECT_EQ(ListActive("", Practitioner(), 0, "", &out).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ListActive("wrong-key", "", 0, "", &out).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(out.plans_size(), 0);
}

TEST_F(AlertScanTest, ActivePlansPageThroughEveryClinicOnce) {
  std::set<std::string> active;
  for (int i = 0; i < 5; ++i) active.insert(PatientWithPlan().name());
  const v1::Plan paused = PatientWithPlan();
  ASSERT_TRUE(ChangePlan("pause", paused.name()).ok());

  std::multiset<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    v1::ListActivePlansResponse page;
    grpc::Status s =
        ListActive(server().config().internal_key, "", 2, token, &page);
    ASSERT_TRUE(s.ok()) << s.error_message();
    for (const auto& p : page.plans()) {
      seen.insert(p.plan().name());
      EXPECT_TRUE(absl::StartsWith(p.clinic(), "clinics/")) << p.clinic();
      ASSERT_GE(p.revisions_size(), 1);
      EXPECT_EQ(p.revisions(0).revision(), 1);
      EXPECT_EQ(p.revisions(p.revisions_size() - 1).state(),
                v1::Plan::STATE_ACTIVE);
    }
    token = page.next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  // Other tests of this process may have added plans: look at ours.
  for (const std::string& plan : active) EXPECT_EQ(seen.count(plan), 1u);
  EXPECT_EQ(seen.count(paused.name()), 0u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(),
            seen.size());  // none twice
  EXPECT_GE(pages, 3);
}

}  // namespace
}  // namespace corebalance::test
