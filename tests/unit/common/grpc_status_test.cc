#include "services/common/grpc_status.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "services/common/errors.h"
#include "services/common/internal_detail.h"
#include "tests/unit/common/status_details.h"

namespace corebalance {
namespace {

using ::corebalance::testing::DetailOf;
using ::corebalance::testing::DetailPayloads;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// The google.rpc.Status a client decodes from the binary details.
google::rpc::Status RpcStatusOf(const grpc::Status& status) {
  google::rpc::Status rpc_status;
  EXPECT_TRUE(rpc_status.ParseFromString(status.error_details()));
  return rpc_status;
}

// The details of type `Message` packed into `rpc_status`, in order.
template <typename Message>
std::vector<Message> DetailsOf(const google::rpc::Status& rpc_status) {
  std::vector<Message> out;
  for (const auto& any : rpc_status.details()) {
    Message message;
    if (any.UnpackTo(&message)) out.push_back(message);
  }
  return out;
}

TEST(ToGrpcStatus, OkStaysOk) {
  const grpc::Status status = ToGrpcStatus(absl::OkStatus());
  EXPECT_TRUE(status.ok());
  EXPECT_THAT(status.error_details(), IsEmpty());
}

TEST(ToGrpcStatus, InvalidArgumentCarriesErrorInfoAndBadRequest) {
  const grpc::Status status =
      ToGrpcStatus(InvalidArgumentError({{"patient.family_name", "is required"},
                                         {"patient.email", "is malformed"}}));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(),
              HasSubstr("patient.family_name: is required"));
  EXPECT_THAT(status.error_message(), HasSubstr("patient.email: is malformed"));

  const google::rpc::Status rpc_status = RpcStatusOf(status);
  EXPECT_EQ(rpc_status.code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(rpc_status.message(), status.error_message());

  const auto infos = DetailsOf<google::rpc::ErrorInfo>(rpc_status);
  ASSERT_EQ(infos.size(), 1u);
  EXPECT_EQ(infos[0].reason(), "INVALID_FIELD");
  EXPECT_EQ(infos[0].domain(), "corebalance.v1");

  const auto bad_requests = DetailsOf<google::rpc::BadRequest>(rpc_status);
  ASSERT_EQ(bad_requests.size(), 1u);
  std::vector<std::string> fields;
  for (const auto& v : bad_requests[0].field_violations()) {
    fields.push_back(v.field());
  }
  EXPECT_THAT(fields, ElementsAre("patient.family_name", "patient.email"));
}

TEST(ToGrpcStatus, NotFoundCarriesResourceInfo) {
  const grpc::Status status = ToGrpcStatus(NotFoundError("patients/abc123"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  const google::rpc::Status rpc_status = RpcStatusOf(status);
  const auto infos = DetailsOf<google::rpc::ResourceInfo>(rpc_status);
  ASSERT_EQ(infos.size(), 1u);
  EXPECT_EQ(infos[0].resource_name(), "patients/abc123");
  const auto reasons = DetailsOf<google::rpc::ErrorInfo>(rpc_status);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].reason(), "RESOURCE_NOT_FOUND");
}

TEST(ToGrpcStatus, FailedPreconditionCarriesPreconditionFailureAndReason) {
  const grpc::Status status = ToGrpcStatus(FailedPreconditionError(
      "PLAN_NOT_ACTIVE", "STATE", "plans/p1", "the plan is archived"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(), "the plan is archived");
  const google::rpc::Status rpc_status = RpcStatusOf(status);
  const auto failures = DetailsOf<google::rpc::PreconditionFailure>(rpc_status);
  ASSERT_EQ(failures.size(), 1u);
  ASSERT_EQ(failures[0].violations_size(), 1);
  EXPECT_EQ(failures[0].violations(0).subject(), "plans/p1");
  const auto reasons = DetailsOf<google::rpc::ErrorInfo>(rpc_status);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].reason(), "PLAN_NOT_ACTIVE");
  EXPECT_EQ(reasons[0].domain(), "corebalance.v1");
}

TEST(ToGrpcStatus, InternalAndUnknownHideTheirMessage) {
  for (const absl::Status& internal :
       {absl::InternalError("connection mysql://root:s3cret@db failed"),
        absl::UnknownError("connection mysql://root:s3cret@db failed")}) {
    const grpc::Status status = ToGrpcStatus(internal);
    EXPECT_EQ(static_cast<int>(status.error_code()),
              static_cast<int>(internal.code()));
    EXPECT_THAT(status.error_message(), Not(HasSubstr("s3cret")));
    EXPECT_THAT(status.error_message(), Not(IsEmpty()));
    const google::rpc::Status rpc_status = RpcStatusOf(status);
    EXPECT_THAT(rpc_status.message(), Not(HasSubstr("s3cret")));
    const auto reasons = DetailsOf<google::rpc::ErrorInfo>(rpc_status);
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_EQ(reasons[0].reason(), "INTERNAL");
  }
}

TEST(ToGrpcStatus, OtherCodesKeepTheirMessage) {
  const grpc::Status status =
      ToGrpcStatus(absl::UnavailableError("database is restarting"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(status.error_message(), "database is restarting");
  const auto reasons = DetailsOf<google::rpc::ErrorInfo>(RpcStatusOf(status));
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].reason(), "DATABASE_UNAVAILABLE");
}

TEST(ToGrpcStatus, NeverSendsTheInternalDetail) {
  const std::string detail =
      "cannot open a database connection to mysql://root@10.0.0.7:3306/cb: "
      "MySQL error 2003";
  for (absl::StatusCode code :
       {absl::StatusCode::kUnavailable, absl::StatusCode::kAlreadyExists,
        absl::StatusCode::kInternal}) {
    const grpc::Status status = ToGrpcStatus(
        WithInternalDetail(absl::Status(code, "plain words"), detail));
    EXPECT_THAT(status.error_message(), Not(HasSubstr("MySQL")));
    for (const std::string& text :
         {std::string("MySQL"), std::string("10.0.0.7"),
          std::string(kInternalDetailUrl)}) {
      EXPECT_THAT(status.error_details(), Not(HasSubstr(text)))
          << absl::StatusCodeToString(code);
    }
    // Still one detail: the ErrorInfo.
    EXPECT_EQ(RpcStatusOf(status).details_size(), 1);
  }
}

class GrpcRoundTrip : public ::testing::TestWithParam<absl::Status> {};

TEST_P(GrpcRoundTrip, KeepsCodeMessageReasonAndDetails) {
  const absl::Status& original = GetParam();
  const absl::Status back = FromGrpcStatus(ToGrpcStatus(original));
  EXPECT_EQ(back.code(), original.code());
  EXPECT_EQ(back.message(), original.message());
  EXPECT_EQ(ReasonOf(back), ReasonOf(original));
  EXPECT_EQ(DetailPayloads(back), DetailPayloads(original));
}

INSTANTIATE_TEST_SUITE_P(
    DomainErrors, GrpcRoundTrip,
    ::testing::Values(
        InvalidArgumentError({{"a.b", "is required"}, {"c[2]", "too long"}}),
        NotFoundError("patients/abc123"),
        FailedPreconditionError("PLAN_NOT_ACTIVE", "STATE", "plans/p1",
                                "the plan is archived"),
        EtagMismatchError("patients/abc123"),
        WithReason(absl::PermissionDeniedError("needs clinical.read"),
                   "MISSING_SCOPE"),
        absl::ResourceExhaustedError("queue full"),
        absl::UnavailableError("database is restarting")));

TEST(FromGrpcStatus, RoundTripOfADetailCanBeReadBack) {
  const absl::Status back = FromGrpcStatus(ToGrpcStatus(FailedPreconditionError(
      "PLAN_NOT_ACTIVE", "STATE", "plans/p1", "the plan is archived")));
  const auto failure = DetailOf<google::rpc::PreconditionFailure>(back);
  ASSERT_TRUE(failure.has_value());
  ASSERT_EQ(failure->violations_size(), 1);
  EXPECT_EQ(failure->violations(0).type(), "STATE");
  EXPECT_EQ(failure->violations(0).subject(), "plans/p1");
}

TEST(FromGrpcStatus, InternalComesBackWithTheHiddenMessage) {
  const absl::Status back =
      FromGrpcStatus(ToGrpcStatus(absl::InternalError("secret detail")));
  EXPECT_EQ(back.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(back.message(), Not(HasSubstr("secret")));
  EXPECT_EQ(ReasonOf(back), "INTERNAL");
}

TEST(FromGrpcStatus, WithoutDetailsKeepsCodeAndMessage) {
  const absl::Status back = FromGrpcStatus(
      grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "not for you"));
  EXPECT_EQ(back.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(back.message(), "not for you");
  EXPECT_EQ(ReasonOf(back), "PERMISSION_DENIED");
  EXPECT_THAT(DetailPayloads(back), IsEmpty());
}

TEST(FromGrpcStatus, IgnoresUndecodableDetails) {
  const absl::Status back = FromGrpcStatus(grpc::Status(
      grpc::StatusCode::UNAVAILABLE, "try later", "\xff\xff not a proto"));
  EXPECT_EQ(back.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(back.message(), "try later");
}

TEST(FromGrpcStatus, OkIsOk) {
  EXPECT_TRUE(FromGrpcStatus(grpc::Status::OK).ok());
}

}  // namespace
}  // namespace corebalance
