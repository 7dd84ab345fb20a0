#ifndef COREBALANCE_SERVICES_PROGRESS_SOURCE_FEED_H_
#define COREBALANCE_SERVICES_PROGRESS_SOURCE_FEED_H_

// Keeps progress's copy of one source's data (intake's or prescription's)
// current: in rounds, it reads the source's clinic heads, applies each
// clinic's new domain events in order, and takes a snapshot of a clinic it
// has no cursor for (a new deployment, or one upgraded from before the
// copy) or whose events it missed past their retention. Every clinic's
// events and its cursor commit together, so a restart resumes from the
// last event applied; applying is idempotent, so replicas may feed the same
// copy at once.
//
// A call that must read the source's writes made before it arrived
// (read-your-writes) waits for a round that began after it (AwaitRound):
// rounds run back to back while callers wait, and one round serves them
// all.

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <map>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "corebalance/v1/event_feed.pb.h"
#include "services/progress/repositories/copy_repository.h"
#include "services/store/pool.h"

namespace corebalance::progress {

// The three feed calls of a source's internal service (event_feed.proto).
class FeedClient {
 public:
  virtual ~FeedClient() = default;
  virtual grpc::Status ListEventHeads(grpc::ClientContext* context,
                                      const v1::ListEventHeadsRequest& request,
                                      v1::ListEventHeadsResponse* response) = 0;
  virtual grpc::Status ListClinicEvents(
      grpc::ClientContext* context, const v1::ListClinicEventsRequest& request,
      v1::ListClinicEventsResponse* response) = 0;
  virtual grpc::Status ExportSnapshot(grpc::ClientContext* context,
                                      const v1::ExportSnapshotRequest& request,
                                      v1::ExportSnapshotResponse* response) = 0;
};

// FeedClient over a generated stub (IntakeInternalService,
// PrescriptionInternalService: the same three methods).
template <typename Service>
class StubFeedClient final : public FeedClient {
 public:
  explicit StubFeedClient(std::shared_ptr<grpc::Channel> channel)
      : stub_(Service::NewStub(std::move(channel))) {}
  grpc::Status ListEventHeads(grpc::ClientContext* context,
                              const v1::ListEventHeadsRequest& request,
                              v1::ListEventHeadsResponse* response) override {
    return stub_->ListEventHeads(context, request, response);
  }
  grpc::Status ListClinicEvents(
      grpc::ClientContext* context, const v1::ListClinicEventsRequest& request,
      v1::ListClinicEventsResponse* response) override {
    return stub_->ListClinicEvents(context, request, response);
  }
  grpc::Status ExportSnapshot(grpc::ClientContext* context,
                              const v1::ExportSnapshotRequest& request,
                              v1::ExportSnapshotResponse* response) override {
    return stub_->ExportSnapshot(context, request, response);
  }

 private:
  std::unique_ptr<typename Service::Stub> stub_;
};

class SourceFeed {
 public:
  struct Options {
    // How often a round runs when nobody waits.
    absl::Duration poll = absl::Milliseconds(500);
    // Pause after the source could not be read.
    absl::Duration retry = absl::Seconds(1);
    // Each call to the source.
    absl::Duration call_budget = absl::Seconds(5);
    int page_size = 500;
  };

  // `source` names the cursors ("intake", "prescription"); a null client
  // (the source is not reachable from here) makes every round fail.
  SourceFeed(std::string source, std::unique_ptr<FeedClient> client,
             std::string internal_key, store::Pool* pool, CopyRepository* copy,
             Options options);
  ~SourceFeed();

  const std::string& source() const { return source_; }

  void Start();
  void Stop();

  // One round now, on the caller's thread (tests; Start() does it in the
  // background).
  absl::Status RunRound();

  // OK once a round that began at or after `since` has finished; that
  // round's error when it failed; DEADLINE_EXCEEDED at `until`.
  absl::Status AwaitRound(absl::Time since, absl::Time until);
  // How long ago the last successful round began (before the first: since
  // the feed was made).
  absl::Duration Lag() const;
  // Zero once the copy holds every write the source made before `since`,
  // waiting at most until `until`; else how far behind the copy may be
  // (logged with `request_id`).
  absl::Duration CatchUpTo(absl::Time since, absl::Time until,
                           const std::string& request_id);

 private:
  void Loop();
  absl::Status Round(absl::Time started);
  // Applies the clinic's events after `after`; a snapshot when they run
  // past a gap. Returns the cursor reached.
  absl::StatusOr<int64_t> CatchUp(int64_t clinic_id, int64_t after);
  // Copies the clinic as it is now, then sets its cursor to `head`, a head
  // read before the snapshot began, and catches up. Returns the cursor
  // reached.
  absl::StatusOr<int64_t> Snapshot(int64_t clinic_id, int64_t head);
  void Prepare(grpc::ClientContext& context) const;
  absl::Status Failed(const char* call, const grpc::Status& status) const;

  const std::string source_;
  std::unique_ptr<FeedClient> client_;
  const std::string internal_key_;
  store::Pool* pool_;
  CopyRepository* copy_;
  const Options options_;
  std::thread thread_;

  mutable absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Someone waits for a round: start the next one at once.
  bool wanted_ ABSL_GUARDED_BY(mu_) = false;
  // When the last successful round began, and the last failed one.
  absl::Time synced_from_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  const absl::Time made_ = absl::Now();
  absl::Time failed_from_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  absl::Status last_failure_ ABSL_GUARDED_BY(mu_);
  // Only one round at a time (the loop's or RunRound's).
  absl::Mutex round_mu_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_SOURCE_FEED_H_
