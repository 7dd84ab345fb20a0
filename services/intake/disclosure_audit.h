#ifndef COREBALANCE_SERVICES_INTAKE_DISCLOSURE_AUDIT_H_
#define COREBALANCE_SERVICES_INTAKE_DISCLOSURE_AUDIT_H_

// Audit events for the patients a list call disclosed. The service kit
// audits each call once, naming at most one patient; a page of ListPatients
// shows many, so each gets its own event (HIPAA: who saw whose record).

#include <grpcpp/channel.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "corebalance/v1/access_internal.grpc.pb.h"
#include "services/common/service_kit.h"

namespace corebalance::intake {

class DisclosureAudit {
 public:
  DisclosureAudit(std::shared_ptr<grpc::Channel> access_channel,
                  std::string internal_key);

  // One successful event of `method` per name in `patients`, in one write.
  // UNAVAILABLE when the audit log cannot take them: the caller then fails
  // rather than disclose unaudited.
  absl::Status Record(const RpcCall& call, const char* method,
                      const std::vector<std::string>& patients);

 private:
  std::unique_ptr<v1::AccessInternalService::Stub> stub_;
  const std::string internal_key_;
};

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_DISCLOSURE_AUDIT_H_
