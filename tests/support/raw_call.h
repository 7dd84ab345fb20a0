#ifndef COREBALANCE_TESTS_SUPPORT_RAW_CALL_H_
#define COREBALANCE_TESTS_SUPPORT_RAW_CALL_H_

// A unary call with the request as raw bytes, which need not parse as the
// method's message: for tests of what the server does with any input.

#include <grpcpp/generic/generic_stub.h>

#include <string>

namespace corebalance::test {

// Calls `method` ("/corebalance.v1.IntakeService/GetPatient") with
// `request` as the message, as `token` (none when empty), with 10 s.
grpc::Status RawCall(grpc::GenericStub& stub, const std::string& method,
                     const std::string& request, const std::string& token);

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_SUPPORT_RAW_CALL_H_
