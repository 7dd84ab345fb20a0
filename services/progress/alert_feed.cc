#include "services/progress/alert_feed.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/errors.h"
#include "services/common/grpc_status.h"
#include "services/common/internal_detail.h"
#include "services/common/logging.h"

namespace corebalance::progress {
namespace {

// Alerts read per clinic and poll; the rest come with the next poll.
constexpr int kBatch = 100;
constexpr absl::Duration kQueryBudget = absl::Seconds(5);

bool Wants(const AlertFilter& filter, const StoredAlert& alert) {
  return (filter.patient_id.empty() || filter.patient_id == alert.patient_id) &&
         (filter.kind == 0 || filter.kind == alert.kind);
}

}  // namespace

AlertFeed::AlertFeed(AlertRepository* alerts, absl::Duration poll_interval,
                     Limits limits)
    : alerts_(alerts), poll_interval_(poll_interval), limits_(limits) {}

AlertFeed::~AlertFeed() { Stop(); }

void AlertFeed::SetRecheck(Recheck recheck, absl::Duration every) {
  recheck_ = std::move(recheck);
  recheck_every_ = every;
}

void AlertFeed::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void AlertFeed::Stop() {
  std::vector<std::shared_ptr<AlertWatch>> watches;
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    watches.swap(watches_);
    for (const auto& w : watches) ReleaseLocked(w->filter().clinic_id);
  }
  if (thread_.joinable()) thread_.join();
  for (auto& w : watches) w->End(grpc::Status::OK);
}

absl::Status AlertFeed::Reserve(int64_t clinic_id) {
  absl::MutexLock lock(&mu_);
  DropEndedLocked();  // their places are free now, not at the next poll
  int& of_clinic = reserved_[clinic_id];
  if (of_clinic >= limits_.per_clinic ||
      reserved_total_ >= limits_.per_process) {
    const bool clinic_full = of_clinic >= limits_.per_clinic;
    if (of_clinic == 0) reserved_.erase(clinic_id);
    return WithReason(
        absl::ResourceExhaustedError(
            absl::StrCat("too many alert watches open ",
                         clinic_full ? absl::StrCat("for this clinic (at most ",
                                                    limits_.per_clinic, ")")
                                     : absl::StrCat("on this server (at most ",
                                                    limits_.per_process, ")"),
                         ": close one, or try again shortly")),
        reason::kOverloaded);
  }
  ++of_clinic;
  ++reserved_total_;
  return absl::OkStatus();
}

void AlertFeed::Release(int64_t clinic_id) {
  absl::MutexLock lock(&mu_);
  ReleaseLocked(clinic_id);
}

void AlertFeed::ReleaseLocked(int64_t clinic_id) {
  auto it = reserved_.find(clinic_id);
  if (it == reserved_.end()) return;
  if (--it->second <= 0) reserved_.erase(it);
  --reserved_total_;
}

void AlertFeed::DropEndedLocked() {
  auto ended = std::stable_partition(watches_.begin(), watches_.end(),
                                     [](const auto& w) { return !w->ended(); });
  for (auto it = ended; it != watches_.end(); ++it) {
    ReleaseLocked((*it)->filter().clinic_id);
  }
  watches_.erase(ended, watches_.end());
}

void AlertFeed::Add(std::shared_ptr<AlertWatch> watch) {
  {
    absl::MutexLock lock(&mu_);
    if (!stopping_) {
      // Checked again one interval after it opened (it was just checked).
      watch->CheckedUntil(absl::Now() + recheck_every_);
      watches_.push_back(watch);
      nudged_ = true;
      return;
    }
    ReleaseLocked(watch->filter().clinic_id);
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

void AlertFeed::RecheckDue(
    const std::vector<std::shared_ptr<AlertWatch>>& watches) {
  if (!recheck_) return;
  const absl::Time now = absl::Now();
  for (const auto& watch : watches) {
    if (watch->next_check() > now || watch->ended()) continue;
    const absl::Status allowed = recheck_(watch->authorization());
    if (allowed.ok()) {
      watch->CheckedUntil(now + recheck_every_);
    } else if (absl::IsUnauthenticated(allowed) ||
               absl::IsPermissionDenied(allowed)) {
      watch->End(ToGrpcStatus(allowed));
    } else {
      // The access service could not say: ask again next poll.
      log::Warn("alert_watch_recheck_failed",
                {{"error", MessageAndDetail(allowed)}});
    }
  }
}

void AlertFeed::PollOnce() {
  std::vector<std::shared_ptr<AlertWatch>> watches;
  {
    absl::MutexLock lock(&mu_);
    DropEndedLocked();
    watches = watches_;
  }
  RecheckDue(watches);
  std::map<int64_t, std::vector<std::shared_ptr<AlertWatch>>> by_clinic;
  for (auto& watch : watches)
    by_clinic[watch->filter().clinic_id].push_back(watch);
  const absl::Time deadline = absl::Now() + kQueryBudget;
  for (const auto& [clinic_id, of_clinic] : by_clinic) {
    FeedClinic(clinic_id, of_clinic, deadline);
  }
}

// One cheap indexed read of the clinic's last seq; when it has something
// new, one read of what its streams have not seen, shared by all of them.
void AlertFeed::FeedClinic(
    int64_t clinic_id, const std::vector<std::shared_ptr<AlertWatch>>& watches,
    absl::Time deadline) {
  std::vector<std::pair<AlertWatch*, int64_t>> ready;
  int64_t from = -1;
  for (const auto& watch : watches) {
    if (const std::optional<int64_t> after = watch->ReadyAfter()) {
      ready.emplace_back(watch.get(), *after);
      from = from < 0 ? *after : std::min(from, *after);
    }
  }
  if (ready.empty()) return;
  absl::StatusOr<int64_t> last = alerts_->LastSeq(clinic_id, deadline);
  if (!last.ok()) {
    log::Warn("alert_feed_failed",
              {{"error", MessageAndDetail(last.status())}});
    return;
  }
  if (*last <= from) return;
  absl::StatusOr<std::vector<StoredAlert>> found =
      alerts_->ListRaisedAfter(clinic_id, "", 0, from, kBatch, deadline);
  if (!found.ok()) {
    log::Warn("alert_feed_failed",
              {{"error", MessageAndDetail(found.status())}});
    return;
  }
  // A short read saw everything up to the clinic's last seq (read first).
  const bool full = static_cast<int>(found->size()) == kBatch;
  const int64_t seen = full ? found->back().seq : *last;
  for (const auto& [watch, after] : ready) {
    std::vector<StoredAlert> wanted;
    for (const StoredAlert& a : *found) {
      if (a.seq > after && Wants(watch->filter(), a)) wanted.push_back(a);
    }
    watch->Deliver(wanted, seen);
  }
  // A full batch: come back for the rest without waiting.
  if (full) Nudge();
}

}  // namespace corebalance::progress
