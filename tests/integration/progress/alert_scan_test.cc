// The adherence alert scanner: NON_ADHERENCE and LOW_ADHERENCE raised for
// the ACTIVE plans that are due, once per cause however many replicas scan,
// each due plan visited by one of them.

#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/sql_time.h"
#include "services/progress/scanner_replica.h"
#include "tests/integration/progress/progress_fixture.h"

namespace corebalance::test {
namespace {

using progress::AlertScanner;
using progress::DuePlan;
using progress::ScanResult;

// A scanner as another replica runs it: its own connections.
struct Replica : progress::ScannerReplica {
  Replica() : ScannerReplica(ProgressTest::server().database().config()) {}
};

class AlertScanTest : public ProgressTest {
 protected:
  static ScanResult MustScan(Replica& replica, absl::Time at) {
    absl::StatusOr<ScanResult> result = replica.scanner.ScanOnce(at);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : ScanResult{};
  }
  // A patient's new plan, once progress's copy has it (what the scan reads).
  static v1::Plan CopiedPatientWithPlan() {
    const v1::Plan plan = PatientWithPlan();
    WaitUntilCopied(plan);
    return plan;
  }
  // The plan paused or resumed, once the copy has it so.
  static void ChangePlan(const std::string& method, const std::string& plan) {
    auto rx = v1::PrescriptionService::NewStub(server().channel());
    v1::Plan out;
    grpc::Status s;
    if (method == "pause") {
      v1::PausePlanRequest r;
      r.set_name(plan);
      r.set_reason("travelling for two weeks");
      s = rx->PausePlan(Context(Practitioner()).get(), r, &out);
    } else {
      v1::ResumePlanRequest r;
      r.set_name(plan);
      r.set_reason("back home");
      s = rx->ResumePlan(Context(Practitioner()).get(), r, &out);
    }
    ASSERT_TRUE(s.ok()) << s.error_message();
    WaitUntilCopied(out);
  }
  // `count` ACTIVE plans of a clinic of their own put into the copy as
  // prescription's events would, due for the scan at `due_at`.
  static std::vector<DuePlan> CopiedPlans(int64_t clinic_id, int count,
                                          absl::Time due_at) {
    Replica r;
    std::vector<DuePlan> plans;
    absl::Status s = store::WithTransaction(
        r.pool, absl::Now() + absl::Seconds(60), [&](store::Connection& c) {
          for (int i = 0; i < count; ++i) {
            const std::string id = absl::StrCat("p", clinic_id, "x", i);
            v1::Plan plan;
            plan.set_name(absl::StrCat("patients/", id, "/plans/q", id));
            plan.set_revision(1);
            plan.set_state(v1::Plan::STATE_ACTIVE);
            v1::PlanExercise* e = plan.add_exercises();
            e->set_exercise("exercises/dead-bug");
            e->mutable_dose()->set_frequency_per_week(3);
            *plan.mutable_update_time() = ToProtoTime(absl::Now());
            google::protobuf::Any any;
            any.PackFrom(plan);
            EXPECT_TRUE(r.copy.Apply(c, clinic_id, any));
            plans.push_back({clinic_id, id, "q" + id});
          }
          c.Execute(absl::StrCat("UPDATE progress_adherence_due SET due_at = '",
                                 ToSqlTime(due_at),
                                 "' WHERE clinic_id = ", clinic_id));
          return absl::OkStatus();
        });
    EXPECT_TRUE(s.ok()) << s;
    return plans;
  }
  // Every plan due by `at` visited: a pass at `at` then visits nothing.
  // (Those of earlier tests; one the server's own scanner held meanwhile
  // may be due again once.)
  static void VisitAllDueBy(Replica& replica, absl::Time at) {
    for (int pass = 0; pass < 10; ++pass) {
      if (MustScan(replica, at).plans == 0) return;
    }
    ADD_FAILURE() << "plans stay due";
  }
  // Whether the scan still follows the plan.
  static bool IsFollowed(const v1::Plan& plan) {
    Replica r;
    auto followed = store::WithConnection(
        r.pool, absl::Now() + absl::Seconds(10),
        [&](store::Connection& c) -> absl::StatusOr<bool> {
          return c
              .Query(absl::StrCat(
                  "SELECT 1 FROM progress_adherence_due WHERE plan_id = '",
                  plan.name().substr(plan.name().rfind('/') + 1), "'"))
              ->next();
        });
    EXPECT_TRUE(followed.ok()) << followed.status();
    return followed.value_or(true);
  }
  // The clinic's alerts of `kind`: how many, and for how many patients.
  static std::pair<int, int> AlertsOfClinic(int64_t clinic_id,
                                            v1::Alert::Kind kind) {
    Replica r;
    auto counted = store::WithConnection(
        r.pool, absl::Now() + absl::Seconds(10),
        [&](store::Connection& c) -> absl::StatusOr<std::pair<int, int>> {
          auto rs = c.Query(absl::StrCat(
              "SELECT COUNT(*) AS n, COUNT(DISTINCT patient_id) AS p FROM"
              " progress_alerts WHERE clinic_id = ",
              clinic_id, " AND kind = ", static_cast<int>(kind)));
          rs->next();
          return std::pair<int, int>(rs->getInt("n"), rs->getInt("p"));
        });
    EXPECT_TRUE(counted.ok()) << counted.status();
    return counted.value_or(std::pair<int, int>(-1, -1));
  }
};

TEST_F(AlertScanTest, FourActiveDaysWithoutASessionRaiseNonAdherenceOnce) {
  Replica replica;
  const v1::Plan plan = CopiedPatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  const absl::Time now = absl::Now();

  MustScan(replica, now + absl::Hours(3 * 24));
  EXPECT_TRUE(Alerts(patient).empty());

  MustScan(replica, now + absl::Hours(5 * 24));
  MustScan(replica, now + absl::Hours(6 * 24));  // the same cause
  std::vector<v1::Alert> alerts = Alerts(patient);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind(), v1::Alert::KIND_NON_ADHERENCE);
  EXPECT_NE(alerts[0].message().find("no session logged for"),
            std::string::npos)
      << alerts[0].message();

  // A session ends that gap; the next one is a new cause, and the session
  // made the plan due again for it (its next check was a week away).
  MustLog(GoodSession(plan));
  MustScan(replica, now + absl::Hours(6 * 24) + absl::Minutes(1));
  EXPECT_EQ(Alerts(patient, v1::Alert::KIND_NON_ADHERENCE).size(), 2u);
}

TEST_F(AlertScanTest, PausedPlansRaiseNothing) {
  Replica replica;
  const v1::Plan plan = CopiedPatientWithPlan();
  ChangePlan("pause", plan.name());
  MustScan(replica, absl::Now() + absl::Hours(30 * 24));
  EXPECT_TRUE(Alerts(PatientOf(plan.name())).empty());

  ChangePlan("resume", plan.name());
  MustScan(replica, absl::Now() + absl::Hours(5 * 24));
  EXPECT_EQ(
      Alerts(PatientOf(plan.name()), v1::Alert::KIND_NON_ADHERENCE).size(), 1u);
}

TEST_F(AlertScanTest, FewSessionsOverTwoCompleteWeeksRaiseLowAdherence) {
  Replica replica;
  const v1::Plan plan = CopiedPatientWithPlan();
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
    patients.push_back(PatientOf(CopiedPatientWithPlan().name()));
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

TEST_F(AlertScanTest, TwoReplicasShareAThousandDuePlansAndRaiseEachAlertOnce) {
  Replica a;
  Replica b;
  const absl::Time at = absl::Now() + absl::Hours(5 * 24);
  VisitAllDueBy(a, at);
  const int64_t clinic = 700001;
  CopiedPlans(clinic, 1000, at - absl::Hours(1));

  ScanResult by_a;
  ScanResult by_b;
  std::thread scan_a([&] { by_a = MustScan(a, at); });
  std::thread scan_b([&] { by_b = MustScan(b, at); });
  scan_a.join();
  scan_b.join();
  // Each due plan visited by one replica: none twice, none left out.
  EXPECT_EQ(by_a.plans + by_b.plans, 1000);
  EXPECT_EQ(by_a.raised + by_b.raised, 1000);
  EXPECT_EQ(AlertsOfClinic(clinic, v1::Alert::KIND_NON_ADHERENCE),
            std::make_pair(1000, 1000));
  // Each plan's next check is after `at`: a pass at the same time is empty.
  EXPECT_EQ(MustScan(a, at).plans, 0);
}

TEST_F(AlertScanTest, PlansAScannerClaimedAreVisitedAgainWhenItsLeaseEnds) {
  Replica crashed;
  Replica survivor;
  const absl::Time at = absl::Now() + absl::Hours(5 * 24);
  VisitAllDueBy(survivor, at);
  const int64_t clinic = 700002;
  CopiedPlans(clinic, 3, at - absl::Hours(1));
  // A replica claims the plans, then stops before it raises anything.
  auto claimed = crashed.due.Claim(at, at + absl::Minutes(2), 100,
                                   absl::Now() + absl::Seconds(10));
  ASSERT_TRUE(claimed.ok()) << claimed.status();
  EXPECT_EQ(claimed->size(), 3u);

  EXPECT_EQ(MustScan(survivor, at).plans, 0);  // still held
  EXPECT_EQ(MustScan(survivor, at + absl::Minutes(3)).plans, 3);
  EXPECT_EQ(AlertsOfClinic(clinic, v1::Alert::KIND_NON_ADHERENCE),
            std::make_pair(3, 3));
}

TEST_F(AlertScanTest, PlansNoLongerActiveAreNoLongerFollowed) {
  Replica replica;
  const v1::Plan plan = CopiedPatientWithPlan();
  EXPECT_TRUE(IsFollowed(plan));
  ChangePlan("pause", plan.name());
  // The paused plan is looked at once more, and let go.
  MustScan(replica, absl::Now() + absl::Hours(5 * 24));
  EXPECT_FALSE(IsFollowed(plan));
  EXPECT_TRUE(Alerts(PatientOf(plan.name())).empty());
  ChangePlan("resume", plan.name());
  EXPECT_TRUE(IsFollowed(plan));
}

TEST_F(AlertScanTest, AStoppedScannerStopsScanning) {
  // Shutdown stops the scanner; a scan of 100,000 plans takes minutes and
  // must not hold the server's exit.
  Replica replica;
  const v1::Plan plan = CopiedPatientWithPlan();
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

}  // namespace
}  // namespace corebalance::test
