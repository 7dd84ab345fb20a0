#ifndef COREBALANCE_TESTS_INTEGRATION_PRESCRIPTION_PRESCRIPTION_FIXTURE_H_
#define COREBALANCE_TESTS_INTEGRATION_PRESCRIPTION_PRESCRIPTION_FIXTURE_H_

// What the prescription tests share: a server hosting every target (so
// PrescriptionService reaches IntakeService in-process), tokens of each
// role, patients with assessments, and readers of error details.

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corebalance/v1/access.grpc.pb.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "corebalance/v1/prescription.grpc.pb.h"
#include "tests/support/error_details.h"
#include "tests/support/test_server.h"

namespace corebalance::test {

// How an assessment comes out, as the intake rules score it.
enum class Intake {
  kStandard,  // ODI 40 %, no red flags: PROCEED at the standard dose
  kReduced,   // ODI 60 %: PROCEED at the reduced dose
  kRefer,     // a red flag: REFER
};

// Creates patients and assessments through IntakeService on `channel`.
class Patients {
 public:
  Patients(std::shared_ptr<grpc::Channel> channel, std::string token)
      : stub_(v1::IntakeService::NewStub(std::move(channel))),
        token_(std::move(token)) {}
  // A new patient without assessments ("patients/..."), or fails the test.
  std::string Create(const std::string& family = "Patient");
  // Submits an INITIAL assessment scored as `kind`; returns its result.
  v1::Assessment Assess(const std::string& patient, Intake kind);
  // A new patient with one assessment of `kind`.
  std::string Assessed(Intake kind, const std::string& family = "Patient");

 private:
  std::unique_ptr<v1::IntakeService::Stub> stub_;
  std::string token_;
};

class PrescriptionTest : public ::testing::Test {
 public:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  static std::unique_ptr<v1::PrescriptionService::Stub> Stub();
  static const std::string& Admin() { return server_->admin_token(); }
  static const std::string& Practitioner() { return practitioner_; }
  static const std::string& FrontDesk() { return front_desk_; }
  static const std::string& Integration() { return integration_; }
  // "staffMembers/..." behind Practitioner().
  static const std::string& PractitionerName() { return practitioner_name_; }
  static Patients& patients() { return *patients_; }

  // AssignPlan as the practitioner with `plan` (default: all derived).
  static grpc::Status Assign(const std::string& patient, v1::Plan* out,
                             const v1::Plan& plan = {},
                             const std::string& override_reason = "",
                             const std::string& request_id = "");
  // AssignPlan that must succeed.
  static v1::Plan MustAssign(const std::string& patient,
                             const v1::Plan& plan = {});
  static v1::Plan MustGet(const std::string& name);
  // Every plan of `parent`, following page tokens with `page_size`.
  static std::vector<v1::Plan> AllPlans(
      const std::string& parent, int page_size = 2,
      v1::Plan::State state = v1::Plan::STATE_UNSPECIFIED);
  static std::vector<v1::PlanRevision> AllRevisions(const std::string& plan);

  static TestServer* server_;
  static std::string practitioner_;
  static std::string practitioner_name_;
  static std::string front_desk_;
  static std::string integration_;
  static Patients* patients_;
};

// What ActOnPlan does to a plan.
enum class Act { kPause, kResume, kComplete, kCancel, kAdjust };
// `action` on the plan `name` as the practitioner, with `reason` and
// `etag`; kAdjust replaces the exercises with walking alone.
grpc::Status ActOnPlan(Act action, const std::string& name, v1::Plan* out,
                       const std::string& reason = "per clinical review",
                       const std::string& etag = "");

// A PlanExercise naming `slug`, with a dose when `dose` is given.
v1::PlanExercise PlanExercise(const std::string& slug,
                              const v1::Dose* dose = nullptr);
v1::Dose MakeDose(int sets, int reps, int hold_seconds, int duration_minutes,
                  int frequency_per_week);

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_INTEGRATION_PRESCRIPTION_PRESCRIPTION_FIXTURE_H_
