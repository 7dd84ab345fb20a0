#include "services/common/audit_client.h"

#include <grpcpp/client_context.h>

#include <algorithm>

#include "services/common/authenticator.h"

namespace corebalance {
namespace {

// Events per request: bounds the transaction a batch becomes.
constexpr size_t kMaxBatch = 256;

}  // namespace

AuditClient::AuditClient(std::shared_ptr<grpc::Channel> access_channel,
                         std::string internal_key)
    : stub_(v1::AccessInternalService::NewStub(std::move(access_channel))),
      internal_key_(std::move(internal_key)) {}

absl::Status AuditClient::Write(const v1::AuditRecord& record,
                                absl::Time deadline) {
  Pending mine{
      .record = &record, .deadline = deadline, .done = false, .status = {}};
  absl::MutexLock lock(&mu_);
  queued_.push_back(&mine);
  // Someone is sending: they (or whoever sends next) take ours too.
  auto my_turn = [this, &mine]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return !sending_ || mine.done;
  };
  mu_.Await(absl::Condition(&my_turn));
  if (mine.done) return mine.status;
  // We send, for everyone queued, until the queue is empty.
  sending_ = true;
  while (!mine.done) {
    std::deque<Pending*> batch;
    while (!queued_.empty() && batch.size() < kMaxBatch) {
      batch.push_back(queued_.front());
      queued_.pop_front();
    }
    mu_.Unlock();
    const absl::Status status = Send(batch);
    mu_.Lock();
    for (Pending* p : batch) {
      p->status = status;
      p->done = true;
    }
  }
  sending_ = false;
  return mine.status;
}

absl::Status AuditClient::Send(const std::deque<Pending*>& batch) {
  v1::WriteAuditEventsRequest request;
  absl::Time deadline = absl::InfinitePast();
  for (const Pending* p : batch) {
    *request.add_records() = *p->record;
    deadline = std::max(deadline, p->deadline);
  }
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  context.AddMetadata(kInternalKeyHeader, internal_key_);
  v1::WriteAuditEventsResponse response;
  grpc::Status status = stub_->WriteAuditEvents(&context, request, &response);
  if (!status.ok()) {
    return absl::UnavailableError("audit log unavailable: " +
                                  status.error_message());
  }
  return absl::OkStatus();
}

}  // namespace corebalance
