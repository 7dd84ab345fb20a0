#ifndef COREBALANCE_TESTS_SUPPORT_ERROR_DETAILS_H_
#define COREBALANCE_TESTS_SUPPORT_ERROR_DETAILS_H_

// What a client reads from a failed call's google.rpc details (AIP-193).

#include <grpcpp/support/status.h>

#include <map>
#include <string>
#include <vector>

namespace corebalance::test {

// field -> description of every BadRequest violation in `status`.
std::map<std::string, std::string> Violations(const grpc::Status& status);
// The ErrorInfo reason in `status` ("" when none).
std::string ReasonOf(const grpc::Status& status);
// "type subject" of every PreconditionFailure violation in `status`.
std::vector<std::string> Preconditions(const grpc::Status& status);
// The type of every PreconditionFailure violation in `status`.
std::vector<std::string> PreconditionTypes(const grpc::Status& status);

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_SUPPORT_ERROR_DETAILS_H_
