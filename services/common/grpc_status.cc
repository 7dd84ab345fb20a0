#include "services/common/grpc_status.h"

#include <string>

#include "absl/strings/match.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "services/common/errors.h"
#include "services/common/internal_detail.h"

namespace corebalance {
namespace {
constexpr char kTypePrefix[] = "type.googleapis.com/";
}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const bool internal = status.code() == absl::StatusCode::kInternal ||
                        status.code() == absl::StatusCode::kUnknown;
  std::string message =
      internal ? "internal error" : std::string(status.message());

  google::rpc::Status rpc_status;
  rpc_status.set_code(static_cast<int>(status.code()));
  rpc_status.set_message(message);
  google::rpc::ErrorInfo info;
  info.set_reason(ReasonOf(status));
  info.set_domain(std::string(kErrorDomain));
  rpc_status.add_details()->PackFrom(info);
  // Only google.rpc details travel. Everything else stays in the server,
  // above all the internal detail (a database's text, a host), spelled out
  // here so that no future type prefix lets it through.
  status.ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
    if (internal || url == kInternalDetailUrl ||
        !absl::StartsWith(url, kTypePrefix)) {
      return;
    }
    auto* any = rpc_status.add_details();
    any->set_type_url(std::string(url));
    any->set_value(std::string(payload));
  });
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), message,
                      rpc_status.SerializeAsString());
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status result(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
  google::rpc::Status rpc_status;
  if (!status.error_details().empty() &&
      rpc_status.ParseFromString(status.error_details())) {
    for (const auto& any : rpc_status.details()) {
      google::rpc::ErrorInfo info;
      if (any.UnpackTo(&info)) {
        result = WithReason(std::move(result), info.reason());
        continue;
      }
      result.SetPayload(any.type_url(), absl::Cord(any.value()));
    }
  }
  return result;
}

}  // namespace corebalance
