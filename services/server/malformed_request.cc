#include "services/server/malformed_request.h"

#include <google/protobuf/descriptor.h>

#include <set>

#include "absl/status/status.h"
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

class Factory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit Factory(std::vector<std::string> hosted)
      : hosted_(hosted.begin(), hosted.end()) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    // "/corebalance.v1.IntakeService/GetPatient" -> its service.
    const absl::string_view method = info->method() ? info->method() : "";
    const size_t slash = method.rfind('/');
    if (method.size() < 2 || slash == 0 || slash == absl::string_view::npos) {
      return nullptr;
    }
    const std::string service(method.substr(1, slash - 1));
    if (hosted_.count(service) == 0) return nullptr;
    // A method the service does not have stays UNIMPLEMENTED.
    const auto* descriptor =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            service);
    if (descriptor == nullptr || descriptor->FindMethodByName(std::string(
                                     method.substr(slash + 1))) == nullptr) {
      return nullptr;
    }
    return new MalformedRequest;
  }

 private:
  const std::set<std::string> hosted_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MalformedRequestInterceptors(std::vector<std::string> hosted_services) {
  return std::make_unique<Factory>(std::move(hosted_services));
}

}  // namespace corebalance::server
