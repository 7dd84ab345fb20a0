#include "clients/cli/errors.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace corebalance::cli {

std::string CodeInWords(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "ok";
    case grpc::StatusCode::CANCELLED:
      return "cancelled";
    case grpc::StatusCode::UNKNOWN:
      return "unknown error";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "invalid argument";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "timed out";
    case grpc::StatusCode::NOT_FOUND:
      return "not found";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "already exists";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "permission denied";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "server busy";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "not allowed now";
    case grpc::StatusCode::ABORTED:
      return "conflict";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "out of range";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "not supported by the server";
    case grpc::StatusCode::INTERNAL:
      return "server error";
    case grpc::StatusCode::UNAVAILABLE:
      return "server unavailable";
    case grpc::StatusCode::DATA_LOSS:
      return "data loss";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "not authenticated";
    default:
      return "error";
  }
}

int ExitCodeFor(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return kExitOk;
    case grpc::StatusCode::NOT_FOUND:
      return kExitNotFound;
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      return kExitAuth;
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return kExitUnavailable;
    default:
      return kExitRefused;
  }
}

CliError ErrorFromStatus(const grpc::Status& status, const std::string& addr) {
  const grpc::StatusCode code = status.error_code();
  std::string text = CodeInWords(code);
  std::string message = status.error_message();
  google::rpc::BadRequest bad_request;
  google::rpc::Status details;
  if (!status.error_details().empty() &&
      details.ParseFromString(status.error_details())) {
    for (const auto& any : details.details()) {
      if (any.Is<google::rpc::BadRequest>()) any.UnpackTo(&bad_request);
    }
  }
  if (bad_request.field_violations_size() > 0) {
    // Each violation gets its own line; the summary would repeat them.
    text += ":";
    for (const auto& v : bad_request.field_violations()) {
      text += "\n  " + v.field() + ": " + v.description();
    }
  } else if (!message.empty()) {
    text += ": " + message;
  }
  if (code == grpc::StatusCode::UNAVAILABLE ||
      code == grpc::StatusCode::DEADLINE_EXCEEDED) {
    text += "\nIs corebalance-server running at " + addr +
            "? (set --addr or COREBALANCE_ADDR)";
  } else if (code == grpc::StatusCode::UNAUTHENTICATED) {
    text +=
        "\nCheck the token (--token, COREBALANCE_TOKEN or `corebalance "
        "login`).";
  }
  return CliError(ExitCodeFor(code), text);
}

}  // namespace corebalance::cli
