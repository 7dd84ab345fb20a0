#include "services/outbox/audit_batcher.h"

#include <algorithm>
#include <map>

#include "services/common/errors.h"
#include "services/store/run.h"

namespace corebalance::outbox {
namespace {

// Callers per transaction: bounds the transaction a batch becomes.
constexpr size_t kMaxBatch = 128;

}  // namespace

absl::Status AuditBatcher::Write(int64_t clinic_id,
                                 std::vector<v1::AuditEvent> events,
                                 absl::Time deadline) {
  Pending mine{clinic_id, std::move(events), deadline, false, {}};
  absl::MutexLock lock(&mu_);
  queued_.push_back(&mine);
  // Someone is sending: they (or whoever sends next) take ours too.
  auto my_turn = [this, &mine]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return !sending_ || mine.done;
  };
  mu_.Await(absl::Condition(&my_turn));
  if (mine.done) return mine.status;
  sending_ = true;
  while (!mine.done) {
    std::vector<Pending*> batch;
    while (!queued_.empty() && batch.size() < kMaxBatch) {
      batch.push_back(queued_.front());
      queued_.pop_front();
    }
    mu_.Unlock();
    absl::Status status = Send(batch);
    std::vector<absl::Status> each(batch.size(), status);
    if (!status.ok() && !IsTransientFailure(status) && batch.size() > 1) {
      for (size_t i = 0; i < batch.size(); ++i) each[i] = Send({batch[i]});
    }
    mu_.Lock();
    for (size_t i = 0; i < batch.size(); ++i) {
      batch[i]->status = each[i];
      batch[i]->done = true;
    }
  }
  sending_ = false;
  return mine.status;
}

absl::Status AuditBatcher::Send(const std::vector<Pending*>& batch) {
  // Clinics in id order: concurrent senders (other processes) lock the
  // head rows in the same order and cannot deadlock.
  std::map<int64_t, std::vector<v1::AuditEvent>> by_clinic;
  absl::Time deadline = absl::InfinitePast();
  for (const Pending* p : batch) {
    auto& events = by_clinic[p->clinic_id];
    events.insert(events.end(), p->events.begin(), p->events.end());
    deadline = std::max(deadline, p->deadline);
  }
  return store::WithTransaction(*pool_, deadline,
                                [&](store::Connection& c) -> absl::Status {
                                  for (auto& [clinic_id, events] : by_clinic) {
                                    store_->AppendAudit(c, clinic_id, events);
                                  }
                                  return absl::OkStatus();
                                });
}

}  // namespace corebalance::outbox
