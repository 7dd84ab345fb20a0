#ifndef COREBALANCE_TESTS_INTEGRATION_PROGRESS_PROGRESS_FIXTURE_H_
#define COREBALANCE_TESTS_INTEGRATION_PROGRESS_PROGRESS_FIXTURE_H_

// What the progress tests share: a server hosting every target (so
// ProgressService reaches IntakeService and PrescriptionService
// in-process), tokens of each role, assessed patients with plans, and
// readers of error details.

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corebalance/v1/access.grpc.pb.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "corebalance/v1/prescription.grpc.pb.h"
#include "corebalance/v1/progress.grpc.pb.h"
#include "tests/support/error_details.h"
#include "tests/support/test_server.h"

namespace corebalance::test {

class ProgressTest : public ::testing::Test {
 public:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  static std::unique_ptr<v1::ProgressService::Stub> Stub();
  static const std::string& Practitioner() { return practitioner_; }
  static const std::string& FrontDesk() { return front_desk_; }
  static TestServer& server() { return *server_; }

  // A new patient with an INITIAL assessment (NPRS now `nprs_now`).
  static std::string AssessedPatient(int nprs_now = 6);
  // A new assessed patient with an ACTIVE plan (the derived one).
  static v1::Plan PatientWithPlan(int nprs_now = 6);

  // A valid session of `plan`: every exercise done, performed `after` the
  // plan was assigned (sessions may not precede their plan; up to 5 minutes
  // in the future is clock skew), pain before 3, worst during 4, after 3.
  static v1::Session GoodSession(const v1::Plan& plan,
                                 absl::Duration after = absl::Seconds(1));
  // Moves the plan's start `days` back, as if assigned then (sessions may
  // not precede their plan), by rewriting its rows.
  static void BackdatePlan(const v1::Plan& plan, int days);
  // Drops the plan and prescription's cursors from progress's copy, so that
  // the copy takes prescription's rows anew (a snapshot).
  static void ForgetCopiedPlan(const v1::Plan& plan);
  // Waits until progress's copy has the plan at its revision.
  static void WaitUntilCopied(const v1::Plan& plan);
  // The "patients/{id}" of a plan name.
  static std::string PatientOf(const std::string& plan_name);

  static grpc::Status Log(const std::string& parent, const v1::Session& session,
                          v1::Session* out, const std::string& request_id = "",
                          const std::string& token = "");
  static v1::Session MustLog(const v1::Session& session);
  // A progress-only runtime over the suite's database (another replica),
  // reaching intake and prescription at `peers`.
  static std::unique_ptr<server::ServerRuntime> StartProgressReplica(
      const std::string& peers);
  // Every alert ListAlerts gives for `parent`, following page tokens.
  static std::vector<v1::Alert> Alerts(
      const std::string& parent,
      v1::Alert::Kind kind = v1::Alert::KIND_UNSPECIFIED,
      v1::Alert::State state = v1::Alert::STATE_UNSPECIFIED,
      const std::string& token = "");
  // GoodSession with worst pain during 9: RED.
  static v1::Session RedSession(const v1::Plan& plan);
  // Every session of `patient`, following page tokens with `page_size`.
  static std::vector<v1::Session> AllSessions(const std::string& patient,
                                              int page_size = 2);

 private:
  static TestServer* server_;
  static std::string practitioner_;
  static std::string front_desk_;
};

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_INTEGRATION_PROGRESS_PROGRESS_FIXTURE_H_
