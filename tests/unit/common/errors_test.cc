#include "services/common/errors.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"
#include "tests/unit/common/status_details.h"

namespace corebalance {
namespace {

using ::corebalance::testing::DetailOf;
using ::corebalance::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(InvalidArgumentError, ListsEveryViolationInMessageAndBadRequest) {
  const absl::Status status =
      InvalidArgumentError({{"patient.family_name", "is required"},
                            {"patient.email", "must be an email address"},
                            {"assessment.odi_sections[3]", "must be 0..5"}});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("patient.family_name: is required"));
  EXPECT_THAT(status.message(),
              HasSubstr("patient.email: must be an email address"));
  EXPECT_THAT(status.message(),
              HasSubstr("assessment.odi_sections[3]: must be 0..5"));
  EXPECT_THAT(ViolatedFields(status),
              ElementsAre("patient.family_name", "patient.email",
                          "assessment.odi_sections[3]"));
  const auto bad_request = DetailOf<google::rpc::BadRequest>(status);
  ASSERT_TRUE(bad_request.has_value());
  EXPECT_EQ(bad_request->field_violations(1).description(),
            "must be an email address");
  EXPECT_EQ(ReasonOf(status), "INVALID_FIELD");
}

TEST(InvalidArgumentError, SingleFieldFormIsTheSameAsAListOfOne) {
  const absl::Status single = InvalidArgumentError("page_size", "too big");
  const absl::Status list = InvalidArgumentError({{"page_size", "too big"}});
  EXPECT_EQ(single, list);
  EXPECT_THAT(ViolatedFields(single), ElementsAre("page_size"));
}

TEST(NotFoundError, NamesTheResourceInMessageAndResourceInfo) {
  const absl::Status status = NotFoundError("patients/abc123");
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(status.message(), HasSubstr("patients/abc123"));
  const auto info = DetailOf<google::rpc::ResourceInfo>(status);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->resource_name(), "patients/abc123");
  EXPECT_EQ(ReasonOf(status), "RESOURCE_NOT_FOUND");
}

TEST(FailedPreconditionError, CarriesPreconditionFailureAndItsReason) {
  const absl::Status status = FailedPreconditionError(
      "PLAN_NOT_ACTIVE", "STATE", "plans/p1", "the plan is archived");
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message(), "the plan is archived");
  const auto failure = DetailOf<google::rpc::PreconditionFailure>(status);
  ASSERT_TRUE(failure.has_value());
  ASSERT_EQ(failure->violations_size(), 1);
  EXPECT_EQ(failure->violations(0).type(), "STATE");
  EXPECT_EQ(failure->violations(0).subject(), "plans/p1");
  EXPECT_EQ(failure->violations(0).description(), "the plan is archived");
  EXPECT_EQ(ReasonOf(status), "PLAN_NOT_ACTIVE");
}

TEST(EtagMismatchError, IsAbortedNamingTheResource) {
  const absl::Status status = EtagMismatchError("patients/abc123");
  EXPECT_EQ(status.code(), absl::StatusCode::kAborted);
  EXPECT_THAT(status.message(), HasSubstr("patients/abc123"));
  EXPECT_EQ(ReasonOf(status), "ETAG_MISMATCH");
}

TEST(WithReason, ReplacesAnEarlierReason) {
  const absl::Status status =
      WithReason(NotFoundError("patients/x"), "PATIENT_ARCHIVED");
  EXPECT_EQ(ReasonOf(status), "PATIENT_ARCHIVED");
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
}

TEST(WithReason, LeavesOkAlone) {
  const absl::Status status = WithReason(absl::OkStatus(), "SOMETHING");
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status, absl::OkStatus());
}

struct DefaultReasonCase {
  absl::StatusCode code;
  std::string reason;
};

class ReasonOfDefault : public ::testing::TestWithParam<DefaultReasonCase> {};

TEST_P(ReasonOfDefault, DependsOnTheCodeWhenNoneWasSet) {
  const absl::Status status(GetParam().code, "plain status");
  EXPECT_EQ(ReasonOf(status), GetParam().reason);
}

INSTANTIATE_TEST_SUITE_P(
    Codes, ReasonOfDefault,
    ::testing::Values(
        DefaultReasonCase{absl::StatusCode::kInvalidArgument, "INVALID_FIELD"},
        DefaultReasonCase{absl::StatusCode::kNotFound, "RESOURCE_NOT_FOUND"},
        DefaultReasonCase{absl::StatusCode::kAlreadyExists,
                          "RESOURCE_ALREADY_EXISTS"},
        DefaultReasonCase{absl::StatusCode::kUnauthenticated,
                          "UNAUTHENTICATED"},
        DefaultReasonCase{absl::StatusCode::kPermissionDenied,
                          "PERMISSION_DENIED"},
        DefaultReasonCase{absl::StatusCode::kUnavailable,
                          "DATABASE_UNAVAILABLE"},
        DefaultReasonCase{absl::StatusCode::kResourceExhausted, "OVERLOADED"},
        DefaultReasonCase{absl::StatusCode::kInternal, "INTERNAL"},
        DefaultReasonCase{absl::StatusCode::kUnknown, "INTERNAL"},
        DefaultReasonCase{absl::StatusCode::kDeadlineExceeded, "INTERNAL"},
        DefaultReasonCase{absl::StatusCode::kDataLoss, "INTERNAL"}));

}  // namespace
}  // namespace corebalance
