#include "tests/support/error_details.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace corebalance::test {

std::map<std::string, std::string> Violations(const grpc::Status& status) {
  std::map<std::string, std::string> out;
  google::rpc::Status rpc;
  if (!rpc.ParseFromString(status.error_details())) return out;
  for (const auto& any : rpc.details()) {
    google::rpc::BadRequest bad;
    if (!any.UnpackTo(&bad)) continue;
    for (const auto& v : bad.field_violations()) {
      out[v.field()] = v.description();
    }
  }
  return out;
}

std::string ReasonOf(const grpc::Status& status) {
  google::rpc::Status rpc;
  if (!rpc.ParseFromString(status.error_details())) return "";
  for (const auto& any : rpc.details()) {
    google::rpc::ErrorInfo info;
    if (any.UnpackTo(&info)) return info.reason();
  }
  return "";
}

namespace {

std::vector<google::rpc::PreconditionFailure::Violation> PreconditionViolations(
    const grpc::Status& status) {
  std::vector<google::rpc::PreconditionFailure::Violation> out;
  google::rpc::Status rpc;
  if (!rpc.ParseFromString(status.error_details())) return out;
  for (const auto& any : rpc.details()) {
    google::rpc::PreconditionFailure failure;
    if (!any.UnpackTo(&failure)) continue;
    out.insert(out.end(), failure.violations().begin(),
               failure.violations().end());
  }
  return out;
}

}  // namespace

std::vector<std::string> Preconditions(const grpc::Status& status) {
  std::vector<std::string> out;
  for (const auto& v : PreconditionViolations(status)) {
    out.push_back(v.type() + " " + v.subject());
  }
  return out;
}

std::vector<std::string> PreconditionTypes(const grpc::Status& status) {
  std::vector<std::string> out;
  for (const auto& v : PreconditionViolations(status)) out.push_back(v.type());
  return out;
}

}  // namespace corebalance::test
