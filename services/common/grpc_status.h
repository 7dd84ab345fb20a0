#ifndef COREBALANCE_SERVICES_COMMON_GRPC_STATUS_H_
#define COREBALANCE_SERVICES_COMMON_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace corebalance {

// The one place domain/store errors become gRPC statuses (AIP-193): the same
// canonical code, the message, and a google.rpc.Status in the binary details
// with an ErrorInfo (reason, domain "corebalance.v1") plus any BadRequest,
// PreconditionFailure or ResourceInfo the error carries. INTERNAL errors lose
// their message: it may describe internals; the server logs it instead.
// Payloads other than google.rpc details, above all the internal detail
// (internal_detail.h), are never sent.
grpc::Status ToGrpcStatus(const absl::Status& status);

// The reverse, for a service calling another: keeps code, message and details.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_GRPC_STATUS_H_
