#include "services/common/errors.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"

namespace corebalance {
namespace {

constexpr char kReasonUrl[] = "corebalance/error-reason";

template <typename Message>
void AttachDetail(absl::Status& status, const Message& detail) {
  status.SetPayload(
      absl::StrCat("type.googleapis.com/", Message::descriptor()->full_name()),
      absl::Cord(detail.SerializeAsString()));
}

}  // namespace

absl::Status InvalidArgumentError(const FieldViolations& violations) {
  google::rpc::BadRequest bad_request;
  std::string message = "invalid request";
  for (size_t i = 0; i < violations.size(); ++i) {
    auto* v = bad_request.add_field_violations();
    v->set_field(violations[i].field);
    v->set_description(violations[i].description);
    absl::StrAppend(&message, i == 0 ? ": " : "; ", violations[i].field, ": ",
                    violations[i].description);
  }
  absl::Status status = absl::InvalidArgumentError(message);
  AttachDetail(status, bad_request);
  return WithReason(std::move(status), reason::kInvalidField);
}

absl::Status InvalidArgumentError(std::string field, std::string description) {
  return InvalidArgumentError(
      FieldViolations{{std::move(field), std::move(description)}});
}

absl::Status FailedPreconditionError(absl::string_view why, std::string type,
                                     std::string subject,
                                     std::string description) {
  google::rpc::PreconditionFailure failure;
  auto* v = failure.add_violations();
  v->set_type(std::move(type));
  v->set_subject(std::move(subject));
  v->set_description(description);
  absl::Status status = absl::FailedPreconditionError(description);
  AttachDetail(status, failure);
  return WithReason(std::move(status), why);
}

absl::Status NotFoundError(absl::string_view resource_name) {
  google::rpc::ResourceInfo info;
  info.set_resource_name(std::string(resource_name));
  info.set_description("not found");
  absl::Status status =
      absl::NotFoundError(absl::StrCat(resource_name, " not found"));
  AttachDetail(status, info);
  return WithReason(std::move(status), reason::kNotFound);
}

absl::Status EtagMismatchError(absl::string_view resource_name) {
  return WithReason(
      absl::AbortedError(absl::StrCat(
          resource_name,
          " was changed by someone else (etag mismatch): read it again and "
          "retry")),
      reason::kEtagMismatch);
}

absl::Status WithReason(absl::Status status, absl::string_view why) {
  if (!status.ok()) status.SetPayload(kReasonUrl, absl::Cord(why));
  return status;
}

std::string ReasonOf(const absl::Status& status) {
  if (auto payload = status.GetPayload(kReasonUrl)) {
    return std::string(*payload);
  }
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      return std::string(reason::kInvalidField);
    case absl::StatusCode::kNotFound:
      return std::string(reason::kNotFound);
    case absl::StatusCode::kAlreadyExists:
      return std::string(reason::kAlreadyExists);
    case absl::StatusCode::kUnauthenticated:
      return std::string(reason::kUnauthenticated);
    case absl::StatusCode::kPermissionDenied:
      return std::string(reason::kPermissionDenied);
    case absl::StatusCode::kUnavailable:
      return std::string(reason::kDatabaseUnavailable);
    case absl::StatusCode::kResourceExhausted:
      return std::string(reason::kOverloaded);
    default:
      return std::string(reason::kInternal);
  }
}

bool IsTransientFailure(const absl::Status& status) {
  return absl::IsUnavailable(status) || absl::IsAborted(status) ||
         absl::IsDeadlineExceeded(status) ||
         absl::IsResourceExhausted(status) || absl::IsCancelled(status);
}

}  // namespace corebalance
