#ifndef COREBALANCE_SERVICES_COMMON_ERRORS_H_
#define COREBALANCE_SERVICES_COMMON_ERRORS_H_

// Domain errors as absl::Status. The google.rpc details a client should see
// (AIP-193) ride along as payloads; grpc_status.h turns them into a
// grpc::Status. Nothing here depends on gRPC.

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "services/common/field_violation.h"

namespace corebalance {

// Error reasons (google.rpc.ErrorInfo.reason), UPPER_SNAKE, domain
// "corebalance.v1". Integrators branch on these, so they never change.
namespace reason {
inline constexpr absl::string_view kInvalidField = "INVALID_FIELD";
inline constexpr absl::string_view kNotFound = "RESOURCE_NOT_FOUND";
inline constexpr absl::string_view kAlreadyExists = "RESOURCE_ALREADY_EXISTS";
inline constexpr absl::string_view kEtagMismatch = "ETAG_MISMATCH";
inline constexpr absl::string_view kUnauthenticated = "UNAUTHENTICATED";
inline constexpr absl::string_view kPermissionDenied = "PERMISSION_DENIED";
inline constexpr absl::string_view kDatabaseUnavailable =
    "DATABASE_UNAVAILABLE";
inline constexpr absl::string_view kOverloaded = "OVERLOADED";
inline constexpr absl::string_view kInternal = "INTERNAL";
}  // namespace reason

inline constexpr absl::string_view kErrorDomain = "corebalance.v1";

// INVALID_ARGUMENT with a BadRequest detail listing every violation.
absl::Status InvalidArgumentError(const FieldViolations& violations);
absl::Status InvalidArgumentError(std::string field, std::string description);

// FAILED_PRECONDITION with a PreconditionFailure detail.
absl::Status FailedPreconditionError(absl::string_view reason, std::string type,
                                     std::string subject,
                                     std::string description);

// NOT_FOUND naming the resource. Another clinic's resource gets exactly this
// too, so it cannot be told apart from a missing one.
absl::Status NotFoundError(absl::string_view resource_name);

// ABORTED: the client's etag is stale (AIP-154).
absl::Status EtagMismatchError(absl::string_view resource_name);

// Sets the ErrorInfo reason carried by `status` (replacing any earlier one).
absl::Status WithReason(absl::Status status, absl::string_view reason);

// A failure that says nothing about the request itself (the database or a
// peer away, a deadline, a busy pool, a lost race): worth trying again as is.
bool IsTransientFailure(const absl::Status& status);

// The ErrorInfo reason carried by `status`, or a default for its code.
std::string ReasonOf(const absl::Status& status);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_ERRORS_H_
