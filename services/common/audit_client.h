#ifndef COREBALANCE_SERVICES_COMMON_AUDIT_CLIENT_H_
#define COREBALANCE_SERVICES_COMMON_AUDIT_CLIENT_H_

#include <grpcpp/channel.h>

#include <deque>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "corebalance/v1/access_internal.grpc.pb.h"

namespace corebalance {

// Sends audit events to the audit log, which AccessService owns.
//
// Group commit: a clinic's audit log is a hash chain, so its appends are
// serialised, each a transaction. Calls that write while another write is
// in flight queue up, and the next write takes all of them in one request
// (one transaction per clinic), so a busy server appends many events per
// commit instead of one.
class AuditClient {
 public:
  AuditClient(std::shared_ptr<grpc::Channel> access_channel,
              std::string internal_key);

  // Returns once the event is in the log. UNAVAILABLE when the log cannot
  // take it before `deadline`: the caller then fails its own call rather
  // than act unaudited.
  absl::Status Write(const v1::AuditRecord& record, absl::Time deadline);

 private:
  struct Pending {
    const v1::AuditRecord* record;
    absl::Time deadline;
    bool done = false;
    absl::Status status;
  };

  // Writes `batch` in one request.
  absl::Status Send(const std::deque<Pending*>& batch);

  std::unique_ptr<v1::AccessInternalService::Stub> stub_;
  const std::string internal_key_;
  absl::Mutex mu_;
  std::deque<Pending*> queued_ ABSL_GUARDED_BY(mu_);
  bool sending_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_AUDIT_CLIENT_H_
