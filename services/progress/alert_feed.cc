#include "services/progress/alert_feed.h"

#include <algorithm>
#include <map>

#include "absl/time/clock.h"
#include "services/common/internal_detail.h"
#include "services/common/logging.h"

namespace corebalance::progress {
namespace {

// Alerts written to a stream per read; the rest come with the next poll.
constexpr int kBatch = 100;
constexpr absl::Duration kQueryBudget = absl::Seconds(5);

}  // namespace

AlertFeed::AlertFeed(AlertRepository* alerts, absl::Duration poll_interval)
    : alerts_(alerts), poll_interval_(poll_interval) {}

AlertFeed::~AlertFeed() { Stop(); }

void AlertFeed::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void AlertFeed::Stop() {
  std::vector<std::shared_ptr<AlertWatch>> watches;
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    watches.swap(watches_);
  }
  if (thread_.joinable()) thread_.join();
  for (auto& w : watches) w->End(grpc::Status::OK);
}

void AlertFeed::Add(std::shared_ptr<AlertWatch> watch) {
  {
    absl::MutexLock lock(&mu_);
    if (!stopping_) {
      watches_.push_back(watch);
      nudged_ = true;
      return;
    }
  }
  watch->End(grpc::Status::OK);
}

void AlertFeed::Nudge() {
  absl::MutexLock lock(&mu_);
  nudged_ = true;
}

void AlertFeed::Loop() {
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      auto wake = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
        return stopping_ || nudged_;
      };
      mu_.AwaitWithTimeout(absl::Condition(&wake), poll_interval_);
      if (stopping_) return;
      nudged_ = false;
    }
    PollOnce();
  }
}

void AlertFeed::PollOnce() {
  std::vector<std::shared_ptr<AlertWatch>> watches;
  {
    absl::MutexLock lock(&mu_);
    watches_.erase(std::remove_if(watches_.begin(), watches_.end(),
                                  [](const auto& w) { return w->ended(); }),
                   watches_.end());
    watches = watches_;
  }
  const absl::Time deadline = absl::Now() + kQueryBudget;
  // One cheap indexed read per watched clinic; streams only read when
  // their clinic has something new.
  std::map<int64_t, int64_t> last_seq;
  for (auto& watch : watches) {
    const std::optional<int64_t> after = watch->ReadyAfter();
    if (!after) continue;
    const AlertFilter& filter = watch->filter();
    auto it = last_seq.find(filter.clinic_id);
    if (it == last_seq.end()) {
      absl::StatusOr<int64_t> seq =
          alerts_->LastSeq(filter.clinic_id, deadline);
      if (!seq.ok()) {
        log::Warn("alert_feed_failed",
                  {{"error", MessageAndDetail(seq.status())}});
        return;
      }
      it = last_seq.emplace(filter.clinic_id, *seq).first;
    }
    if (it->second <= *after) continue;
    absl::StatusOr<std::vector<StoredAlert>> found =
        alerts_->ListRaisedAfter(filter.clinic_id, filter.patient_id,
                                 filter.kind, *after, kBatch, deadline);
    if (!found.ok()) {
      log::Warn("alert_feed_failed",
                {{"error", MessageAndDetail(found.status())}});
      return;
    }
    // A short read saw everything up to the clinic's last seq (read first).
    const int64_t seen = static_cast<int>(found->size()) < kBatch
                             ? it->second
                             : found->back().seq;
    watch->Deliver(*found, seen);
    // A full batch: come back for the rest without waiting.
    if (static_cast<int>(found->size()) == kBatch) Nudge();
  }
}

}  // namespace corebalance::progress
