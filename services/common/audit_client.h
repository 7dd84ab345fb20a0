#ifndef COREBALANCE_SERVICES_COMMON_AUDIT_CLIENT_H_
#define COREBALANCE_SERVICES_COMMON_AUDIT_CLIENT_H_

#include <memory>
#include <string>

#include <grpcpp/channel.h>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "corebalance/v1/access_internal.grpc.pb.h"

namespace corebalance {

// Sends audit events to the audit log, which AccessService owns.
class AuditClient {
 public:
  AuditClient(std::shared_ptr<grpc::Channel> access_channel,
              std::string internal_key);

  // UNAVAILABLE when the log cannot take the event before `deadline`: the
  // caller then fails its own call rather than act unaudited.
  absl::Status Write(const v1::AuditRecord& record, absl::Time deadline);

 private:
  std::unique_ptr<v1::AccessInternalService::Stub> stub_;
  const std::string internal_key_;
};

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_AUDIT_CLIENT_H_
