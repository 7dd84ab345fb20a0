#include "services/progress/alert_watch.h"

#include <cstring>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/progress/alert_rows.h"

namespace corebalance::progress {
namespace {

constexpr char kCursorPrefix[] = "alert-seq:";

}  // namespace

std::string EncodeAlertCursor(int64_t seq) {
  return absl::WebSafeBase64Escape(absl::StrCat(kCursorPrefix, seq));
}

absl::StatusOr<int64_t> DecodeAlertCursor(const std::string& cursor) {
  std::string text;
  int64_t seq = 0;
  if (!absl::WebSafeBase64Unescape(cursor, &text) ||
      !absl::StartsWith(text, kCursorPrefix) ||
      !absl::SimpleAtoi(absl::string_view(text).substr(strlen(kCursorPrefix)),
                        &seq) ||
      seq < 0) {
    return absl::InvalidArgumentError("not a cursor this server gave");
  }
  return seq;
}

bool AlertWatch::Open(AlertFilter filter, int64_t after_seq,
                      std::string authorization) {
  absl::MutexLock lock(&mu_);
  settled_ = true;
  if (ended_) {
    WriteNextLocked();
    return false;
  }
  filter_ = std::move(filter);
  authorization_ = std::move(authorization);
  after_seq_ = after_seq;
  open_ = true;
  // Tells the client the watch is in place: what is raised from now on
  // reaches it.
  writer_->StartSendInitialMetadata();
  return true;
}

std::optional<int64_t> AlertWatch::ReadyAfter() {
  absl::MutexLock lock(&mu_);
  if (!open_ || ended_ || writing_) return std::nullopt;
  return after_seq_;
}

bool AlertWatch::ended() {
  absl::MutexLock lock(&mu_);
  return ended_;
}

void AlertWatch::Deliver(const std::vector<StoredAlert>& alerts,
                         int64_t seen_up_to) {
  absl::MutexLock lock(&mu_);
  if (ended_) return;
  for (const StoredAlert& a : alerts) {
    // Never twice, whatever the feed does.
    if (a.seq > after_seq_) {
      queued_.push_back(a);
      after_seq_ = a.seq;
    }
  }
  after_seq_ = std::max(after_seq_, seen_up_to);
  if (!writing_) WriteNextLocked();
}

void AlertWatch::Refuse(const grpc::Status& status) {
  absl::MutexLock lock(&mu_);
  settled_ = true;
  if (!ended_) {
    ended_ = true;
    end_status_ = status;
  }
  WriteNextLocked();
}

void AlertWatch::End(const grpc::Status& status) {
  absl::MutexLock lock(&mu_);
  if (ended_) return;
  ended_ = true;
  end_status_ = status;
  queued_.clear();
  // Before Open or Refuse the opening still uses the call: finish then.
  if (settled_ && !writing_) WriteNextLocked();
}

void AlertWatch::WriteDone(bool ok) {
  absl::MutexLock lock(&mu_);
  writing_ = false;
  if (!ok && !ended_) {
    // The client is gone.
    ended_ = true;
    end_status_ = grpc::Status::CANCELLED;
    queued_.clear();
  }
  WriteNextLocked();
}

void AlertWatch::WriteNextLocked() {
  if (finished_) return;
  if (queued_.empty()) {
    if (ended_) {
      finished_ = true;
      writer_->Finish(end_status_);
    }
    return;
  }
  const StoredAlert alert = std::move(queued_.front());
  queued_.pop_front();
  in_flight_.Clear();
  *in_flight_.mutable_alert() = ToProto(alert);
  in_flight_.set_cursor(EncodeAlertCursor(alert.seq));
  writing_ = true;
  writer_->StartWrite(&in_flight_);
}

}  // namespace corebalance::progress
