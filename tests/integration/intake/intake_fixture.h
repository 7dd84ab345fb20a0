#ifndef COREBALANCE_TESTS_INTEGRATION_INTAKE_INTAKE_FIXTURE_H_
#define COREBALANCE_TESTS_INTEGRATION_INTAKE_INTAKE_FIXTURE_H_

// What the intake tests share: one server per suite, a practitioner token,
// and builders for typical requests.

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "corebalance/v1/access.grpc.pb.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "tests/support/error_details.h"
#include "tests/support/test_server.h"

namespace corebalance::test {

class IntakeTest : public ::testing::Test {
 public:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

  static std::unique_ptr<v1::IntakeService::Stub> Stub();
  static const std::string& Practitioner() { return practitioner_token_; }
  // "staffMembers/..." of the practitioner behind Practitioner().
  static const std::string& PractitionerName() { return practitioner_name_; }

  // Creates a patient (as the practitioner) or fails the test.
  static v1::Patient CreatePatient(const std::string& given,
                                   const std::string& family);
  // Submits `assessment` for `patient` as `token`.
  static grpc::Status Submit(const std::string& token,
                             const std::string& patient,
                             const v1::Assessment& assessment,
                             v1::Assessment* out,
                             const std::string& request_id = "");

  static TestServer* server_;
  static std::string practitioner_token_;
  static std::string practitioner_name_;
};

// A complete, valid INITIAL assessment: chronic pain (20 weeks), NPRS 6,
// every ODI section answered `odi_each`, STarT Back all "disagree" with
// bothersomeness "slightly", no red flags.
v1::Assessment InitialAssessment(int odi_each = 2);
// A FOLLOW_UP without STarT Back: NPRS `nprs_now`, every ODI section
// answered `odi_each`.
v1::Assessment FollowUpAssessment(int nprs_now, int odi_each);

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_INTEGRATION_INTAKE_INTAKE_FIXTURE_H_
