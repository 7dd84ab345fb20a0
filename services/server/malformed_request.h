#ifndef COREBALANCE_SERVICES_SERVER_MALFORMED_REQUEST_H_
#define COREBALANCE_SERVICES_SERVER_MALFORMED_REQUEST_H_

// gRPC's callback API answers a request that does not parse (bytes that
// are not the method's message, a string field that is not UTF-8) with
// UNIMPLEMENTED and no message, as if the method did not exist. For the
// services this server hosts, that answer becomes INVALID_ARGUMENT saying
// what is wrong; a method it does not host stays UNIMPLEMENTED.

#include <grpcpp/support/server_interceptor.h>

#include <memory>
#include <string>
#include <vector>

namespace corebalance::server {

// `hosted_services`: full names, e.g. "corebalance.v1.IntakeService".
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MalformedRequestInterceptors(const std::vector<std::string>& hosted_services);

}  // namespace corebalance::server

#endif  // COREBALANCE_SERVICES_SERVER_MALFORMED_REQUEST_H_
