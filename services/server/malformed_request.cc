#include "services/server/malformed_request.h"

#include <google/protobuf/descriptor.h>

#include <functional>
#include <set>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "services/common/errors.h"
#include "services/common/grpc_status.h"

namespace corebalance::server {
namespace {

using grpc::experimental::InterceptionHookPoints;

class MalformedRequest final : public grpc::experimental::Interceptor {
 public:
  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      // Our handlers never answer UNIMPLEMENTED: this is gRPC's own answer
      // to a request it could not parse.
      if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED &&
          status.error_message().empty()) {
        methods->ModifySendStatus(ToGrpcStatus(WithReason(
            absl::InvalidArgumentError(
                "the request is not a valid message of this method: check "
                "its encoding, and that every string field is UTF-8"),
            "MALFORMED_REQUEST")));
      }
    }
    methods->Proceed();
  }
};

// The paths ("/corebalance.v1.IntakeService/GetPatient") of every method of
// the hosted services, found once: per call, one lookup.
std::set<std::string, std::less<>> MethodPaths(
    const std::vector<std::string>& services) {
  std::set<std::string, std::less<>> paths;
  for (const std::string& name : services) {
    const auto* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            name);
    if (service == nullptr) continue;
    for (int i = 0; i < service->method_count(); ++i) {
      paths.insert(absl::StrCat("/", name, "/", service->method(i)->name()));
    }
  }
  return paths;
}

class Factory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit Factory(const std::vector<std::string>& hosted)
      : hosted_methods_(MethodPaths(hosted)) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    // A method this server does not host stays UNIMPLEMENTED.
    const absl::string_view method = info->method() ? info->method() : "";
    return hosted_methods_.count(method) > 0 ? new MalformedRequest : nullptr;
  }

 private:
  const std::set<std::string, std::less<>> hosted_methods_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MalformedRequestInterceptors(const std::vector<std::string>& hosted_services) {
  return std::make_unique<Factory>(hosted_services);
}

}  // namespace corebalance::server
