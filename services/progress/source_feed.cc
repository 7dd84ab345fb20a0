#include "services/progress/source_feed.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/internal_detail.h"
#include "services/common/internal_key.h"
#include "services/common/logging.h"
#include "services/common/peer_call.h"
#include "services/common/resource_id.h"
#include "services/common/status_macros.h"
#include "services/store/run.h"

namespace corebalance::progress {

SourceFeed::SourceFeed(std::string source, std::unique_ptr<FeedClient> client,
                       std::string internal_key, store::Pool* pool,
                       CopyRepository* copy, Options options)
    : source_(std::move(source)),
      client_(std::move(client)),
      internal_key_(std::move(internal_key)),
      pool_(pool),
      copy_(copy),
      options_(options) {}

SourceFeed::~SourceFeed() { Stop(); }

void SourceFeed::Start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { Loop(); });
}

void SourceFeed::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

absl::Duration SourceFeed::Lag() const {
  absl::MutexLock lock(&mu_);
  return std::max(absl::ZeroDuration(),
                  absl::Now() - std::max(synced_from_, made_));
}

absl::Duration SourceFeed::CatchUpTo(absl::Time since, absl::Time until,
                                     const std::string& request_id) {
  absl::Status current = AwaitRound(since, until);
  if (current.ok()) return absl::ZeroDuration();
  const absl::Duration lag = Lag();
  log::Warn("source_copy_behind",
            {{"source", source_},
             {"lag_ms", absl::StrCat(absl::ToInt64Milliseconds(lag))},
             {"request_id", request_id},
             {"error", MessageAndDetail(current)}});
  return lag;
}

absl::Status SourceFeed::AwaitRound(absl::Time since, absl::Time until) {
  absl::MutexLock lock(&mu_);
  // Even right after a failed round: the source may be back (a round
  // against a source that is down fails fast).
  wanted_ = true;
  auto done = [&]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return stopping_ || synced_from_ >= since || failed_from_ >= since;
  };
  if (!mu_.AwaitWithDeadline(absl::Condition(&done), until)) {
    return absl::DeadlineExceededError(
        absl::StrCat("the copy of ", source_, " did not catch up in time"));
  }
  if (synced_from_ >= since) return absl::OkStatus();
  if (failed_from_ >= since) return last_failure_;
  return absl::UnavailableError("the server is stopping");
}

absl::Status SourceFeed::RunRound() {
  const absl::Time started = absl::Now();
  absl::Status status = Round(started);
  absl::MutexLock lock(&mu_);
  if (status.ok()) {
    synced_from_ = std::max(synced_from_, started);
  } else {
    failed_from_ = std::max(failed_from_, started);
    last_failure_ = status;
  }
  return status;
}

void SourceFeed::Loop() {
  absl::Duration pause = absl::ZeroDuration();
  for (;;) {
    {
      absl::MutexLock lock(&mu_);
      auto woken = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
        return wanted_ || stopping_;
      };
      mu_.AwaitWithTimeout(absl::Condition(&woken), pause);
      if (stopping_) return;
      wanted_ = false;
    }
    absl::Status status = RunRound();
    if (!status.ok()) {
      log::Warn("source_copy_round_failed",
                {{"source", source_}, {"error", MessageAndDetail(status)}});
    }
    pause = status.ok() ? options_.poll : options_.retry;
  }
}

void SourceFeed::Prepare(grpc::ClientContext& context) const {
  context.set_deadline(absl::ToChronoTime(absl::Now() + options_.call_budget));
  context.AddMetadata(kInternalKeyHeader, internal_key_);
}

absl::Status SourceFeed::Failed(const char* call,
                                const grpc::Status& status) const {
  LogPeerFailure(source_, call, status);
  return MapPeerStatus(source_, status);
}

absl::Status SourceFeed::Round(absl::Time started) {
  absl::MutexLock round(&round_mu_);
  if (!client_) {
    return PeerUnavailable(source_, "it is not reachable from this process");
  }
  const absl::Time deadline = started + options_.call_budget;
  // Read every round: other replicas feed the same copy, and an operator
  // may drop it to have it taken anew.
  CB_ASSIGN_OR_RETURN(auto cursors, copy_->Cursors(source_, deadline));
  absl::Status first_failure;
  v1::ListEventHeadsRequest request;
  request.set_page_size(options_.page_size);
  do {
    grpc::ClientContext context;
    Prepare(context);
    v1::ListEventHeadsResponse heads;
    grpc::Status s = client_->ListEventHeads(&context, request, &heads);
    if (!s.ok()) return Failed("ListEventHeads", s);
    for (const v1::EventHead& head : heads.heads()) {
      const int64_t clinic_id = ClinicIdFromName(head.clinic());
      if (clinic_id <= 0) continue;
      auto it = cursors.find(clinic_id);
      if (it != cursors.end() && head.last_seq() <= it->second) continue;
      absl::StatusOr<int64_t> reached =
          it == cursors.end() ? Snapshot(clinic_id, head.last_seq())
                              : CatchUp(clinic_id, it->second);
      if (reached.ok()) continue;
      // One clinic's failure holds back only that clinic: the others are
      // still copied, and the round reports the failure.
      log::Warn("source_copy_clinic_failed",
                {{"source", source_},
                 {"clinic", head.clinic()},
                 {"error", MessageAndDetail(reached.status())}});
      if (first_failure.ok()) first_failure = reached.status();
    }
    request.set_page_token(heads.next_page_token());
  } while (!request.page_token().empty());
  return first_failure;
}

absl::StatusOr<int64_t> SourceFeed::CatchUp(int64_t clinic_id, int64_t after) {
  for (;;) {
    v1::ListClinicEventsRequest request;
    request.set_clinic(ClinicName(clinic_id));
    request.set_after_seq(after);
    request.set_page_size(options_.page_size);
    grpc::ClientContext context;
    Prepare(context);
    v1::ListClinicEventsResponse page;
    grpc::Status s = client_->ListClinicEvents(&context, request, &page);
    if (!s.ok()) return Failed("ListClinicEvents", s);
    if (page.events().empty()) return after;
    if (page.events(0).source_seq() != after + 1) {
      // Events between are past their retention: copy the clinic anew.
      log::Info("source_copy_gap", {{"source", source_},
                                    {"clinic", ClinicName(clinic_id)},
                                    {"after_seq", absl::StrCat(after)}});
      return Snapshot(clinic_id, page.last_seq());
    }
    const int64_t last = page.events(page.events_size() - 1).source_seq();
    CB_RETURN_IF_ERROR(store::WithTransaction(
        *pool_, absl::Now() + options_.call_budget,
        [&](store::Connection& c) -> absl::Status {
          for (const v1::DomainEvent& e : page.events()) {
            copy_->Apply(c, clinic_id, e.data());
          }
          copy_->SetCursor(c, source_, clinic_id, last);
          return absl::OkStatus();
        }));
    after = last;
    if (after >= page.last_seq()) return after;
  }
}

absl::StatusOr<int64_t> SourceFeed::Snapshot(int64_t clinic_id, int64_t head) {
  v1::ExportSnapshotRequest request;
  request.set_clinic(ClinicName(clinic_id));
  request.set_page_size(options_.page_size);
  int resources = 0;
  do {
    grpc::ClientContext context;
    Prepare(context);
    v1::ExportSnapshotResponse page;
    grpc::Status s = client_->ExportSnapshot(&context, request, &page);
    if (!s.ok()) return Failed("ExportSnapshot", s);
    CB_RETURN_IF_ERROR(store::WithTransaction(
        *pool_, absl::Now() + options_.call_budget,
        [&](store::Connection& c) -> absl::Status {
          for (const google::protobuf::Any& r : page.resources()) {
            copy_->Apply(c, clinic_id, r);
          }
          return absl::OkStatus();
        }));
    resources += page.resources_size();
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  CB_RETURN_IF_ERROR(
      store::WithTransaction(*pool_, absl::Now() + options_.call_budget,
                             [&](store::Connection& c) -> absl::Status {
                               copy_->SetCursor(c, source_, clinic_id, head);
                               return absl::OkStatus();
                             }));
  log::Info("source_copy_snapshot", {{"source", source_},
                                     {"clinic", ClinicName(clinic_id)},
                                     {"resources", absl::StrCat(resources)},
                                     {"seq", absl::StrCat(head)}});
  // What committed while the snapshot was read.
  return CatchUp(clinic_id, head);
}

}  // namespace corebalance::progress
