#ifndef COREBALANCE_CLIENTS_CLI_ERRORS_H_
#define COREBALANCE_CLIENTS_CLI_ERRORS_H_

// Turns a failed gRPC call into a sentence for stderr and an exit code:
// the code in words, the server's message, then each field violation of a
// google.rpc.BadRequest detail on its own line.

#include <grpcpp/support/status.h>

#include <string>

#include "clients/cli/cli_context.h"

namespace corebalance::cli {

// "not found", "permission denied", ...
std::string CodeInWords(grpc::StatusCode code);

// 3 NOT_FOUND, 4 UNAUTHENTICATED/PERMISSION_DENIED, 5 UNAVAILABLE and
// DEADLINE_EXCEEDED, 1 otherwise.
int ExitCodeFor(grpc::StatusCode code);

CliError ErrorFromStatus(const grpc::Status& status, const std::string& addr);

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_ERRORS_H_
