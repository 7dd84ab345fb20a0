#include "services/outbox/relay.h"

#include <grpcpp/client_context.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "services/common/internal_detail.h"
#include "services/common/internal_key.h"
#include "services/common/logging.h"
#include "services/common/sql_time.h"

namespace corebalance::outbox {
namespace {

constexpr absl::Duration kCallBudget = absl::Seconds(10);

std::string Millis(absl::Duration d) {
  return absl::StrFormat("%.0f", absl::ToDoubleMilliseconds(d));
}

}  // namespace

Relay::Relay(Outbox* outbox, std::shared_ptr<grpc::Channel> access_channel,
             std::string internal_key, Options options)
    : outbox_(outbox),
      stub_(v1::AccessInternalService::NewStub(std::move(access_channel))),
      internal_key_(std::move(internal_key)),
      options_(options) {
  outbox_->SetBell([this] { Ring(); });
}

Relay::~Relay() { Stop(absl::Now()); }

void Relay::Start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { Loop(); });
}

void Relay::Stop(absl::Time deadline) {
  {
    absl::MutexLock lock(&mu_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
  // What the last calls wrote, while the audit log still runs.
  while (absl::Now() < deadline) {
    auto moved = RelayOnce(deadline);
    if (!moved.ok() || *moved == 0) break;
  }
}

void Relay::Ring() {
  absl::MutexLock lock(&mu_);
  rung_ = true;
}

absl::Duration Relay::lag() const {
  absl::MutexLock lock(&mu_);
  return lag_;
}

void Relay::Loop() {
  absl::Duration pause = absl::ZeroDuration();
  for (;;) {
    {
      absl::MutexLock lock(&mu_);
      auto woken = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
        return rung_ || stopping_;
      };
      mu_.AwaitWithTimeout(absl::Condition(&woken), pause);
      if (stopping_) return;
      rung_ = false;
    }
    auto moved = RelayOnce(absl::Now() + kCallBudget);
    if (!moved.ok()) {
      log::Warn("outbox_relay_failed",
                {{"service", outbox_->store().service()},
                 {"error", MessageAndDetail(moved.status())}});
      pause = options_.retry;
    } else {
      // A full batch: more may be waiting.
      pause = *moved >= options_.batch ? absl::ZeroDuration() : options_.poll;
    }
    MeasureLag();
  }
}

absl::StatusOr<int> Relay::RelayOnce(absl::Time deadline) {
  const OutboxStore& store = outbox_->store();
  auto pending = store.Pending(outbox_->pool(), deadline, options_.batch);
  if (!pending.ok()) return pending.status();
  if (pending->empty()) return 0;

  v1::WriteAuditEventsRequest request;
  for (const PendingAudit& p : *pending) {
    v1::AuditRecord& r = *request.add_records();
    r.set_clinic(absl::StrCat("clinics/", p.clinic_id));
    *r.mutable_event() = p.event;
    r.set_source(store.service());
    r.set_source_seq(p.seq);
    r.set_event_id(p.event_id);
    *r.mutable_record_time() = ToProtoTime(p.create_time);
  }
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  context.AddMetadata(kInternalKeyHeader, internal_key_);
  v1::WriteAuditEventsResponse response;
  grpc::Status status = stub_->WriteAuditEvents(&context, request, &response);
  if (!status.ok()) {
    // The access service's own words, for the log line in Loop.
    return WithInternalDetail(absl::UnavailableError(absl::StrCat(
                                  "the audit log did not take the batch (",
                                  status.error_code(), ")")),
                              status.error_message());
  }
  std::vector<int64_t> done;
  for (size_t i = 0; i < pending->size(); ++i) {
    const PendingAudit& p = (*pending)[i];
    const bool rejected =
        static_cast<int>(i) < response.results_size() &&
        response.results(i).outcome() ==
            v1::WriteAuditEventsResponse::Result::OUTCOME_REJECTED;
    if (!rejected) {
      done.push_back(p.id);
      continue;
    }
    const std::string& problem = response.results(i).problem();
    log::Error("outbox_event_set_aside", {{"service", store.service()},
                                          {"clinic", absl::StrCat(p.clinic_id)},
                                          {"seq", absl::StrCat(p.seq)},
                                          {"event_id", p.event_id},
                                          {"problem", problem}});
    if (absl::Status s =
            store.SetAside(outbox_->pool(), deadline, p.id, problem);
        !s.ok()) {
      return s;
    }
  }
  if (absl::Status s = store.Remove(outbox_->pool(), deadline, done); !s.ok()) {
    return s;
  }
  return static_cast<int>(pending->size());
}

void Relay::MeasureLag() {
  const absl::Time now = absl::Now();
  if (now < next_lag_check_) return;
  next_lag_check_ = now + options_.lag_interval;
  const OutboxStore& store = outbox_->store();
  auto oldest = store.OldestPending(outbox_->pool(), now + kCallBudget);
  if (!oldest.ok()) return;
  const absl::Duration lag =
      oldest->has_value() ? std::max(absl::ZeroDuration(), now - **oldest)
                          : absl::ZeroDuration();
  {
    absl::MutexLock lock(&mu_);
    lag_ = lag;
  }
  (lag > options_.lag_warning ? log::Warn : log::Debug)(
      "outbox_relay_lag",
      {{"service", store.service()}, {"lag_ms", Millis(lag)}});
  if (now >= next_prune_) {
    next_prune_ = now + absl::Hours(1);
    auto pruned = store.PruneDomain(outbox_->pool(), now + kCallBudget,
                                    now - options_.domain_retention, 10000);
    if (pruned.ok() && *pruned > 0) {
      log::Info("outbox_domain_pruned", {{"service", store.service()},
                                         {"events", absl::StrCat(*pruned)}});
    }
  }
}

}  // namespace corebalance::outbox
