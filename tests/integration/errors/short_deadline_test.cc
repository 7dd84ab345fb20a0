// A deadline too short to finish is DEADLINE_EXCEEDED, whichever step it
// runs out in (queued, authenticating, or waiting for an in-process peer),
// and never UNAVAILABLE while every service is healthy.

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/integration/errors/calls.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

TEST(ShortDeadlineTest, ACallOutOfTimeIsDeadlineExceededNeverUnavailable) {
  test::TestServer server;
  Stubs stubs(server.channel());
  const std::string token = server.admin_token();
  v1::Patient patient;
  ASSERT_TRUE(stubs.intake
                  ->CreatePatient(test::Context(token).get(),
                                  NewPatient("Nakamura"), &patient)
                  .ok());
  v1::Assessment assessment;
  ASSERT_TRUE(stubs.intake
                  ->SubmitAssessment(test::Context(token).get(),
                                     NewAssessment(patient.name()), &assessment)
                  .ok());

  // AssignPlan calls intake (in-process) before it writes; deadlines from
  // 1 ms up reach every step of it.
  int exceeded = 0;
  for (int ms = 1; ms <= 64; ms *= 2) {
    for (int attempt = 0; attempt < 3; ++attempt) {
      v1::AssignPlanRequest assign;
      assign.set_parent(patient.name());
      assign.set_request_id(absl::StrCat("short-", ms, "-", attempt));
      v1::Plan plan;
      auto context = test::Context(token, absl::Milliseconds(ms));
      const grpc::Status s =
          stubs.prescription->AssignPlan(context.get(), assign, &plan);
      if (s.ok()) continue;
      EXPECT_EQ(s.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
          << ms << " ms: " << s.error_code() << " " << s.error_message();
      ++exceeded;
    }
  }
  EXPECT_GT(exceeded, 0);  // the shortest deadlines cannot finish
  // With time to spare, the same call works.
  v1::AssignPlanRequest assign;
  assign.set_parent(patient.name());
  v1::Plan plan;
  const grpc::Status s =
      stubs.prescription->AssignPlan(test::Context(token).get(), assign, &plan);
  EXPECT_TRUE(s.ok()) << s.error_message();
}

}  // namespace
}  // namespace corebalance
