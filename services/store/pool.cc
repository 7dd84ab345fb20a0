#include "services/store/pool.h"

#include <cppconn/resultset.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "services/store/driver.h"
#include "services/store/run.h"
#include "services/store/sql_error.h"

namespace corebalance::store {

struct Pool::Shared {
  struct Idle {
    std::unique_ptr<Connection> connection;
    absl::Time since;
    // Set when another connection broke: the server may have restarted, so
    // check this one before trusting it.
    bool suspect = false;
  };

  explicit Shared(MysqlConfig c) : config(std::move(c)) {}

  void Release(std::unique_ptr<Connection> connection, bool broken) {
    std::unique_ptr<Connection> drop;
    {
      absl::MutexLock lock(&mu);
      if (broken || closed) {
        --open;
        drop = std::move(connection);
        if (broken) {
          for (Idle& idle_one : idle) idle_one.suspect = true;
        }
      } else {
        idle.push_back({std::move(connection), absl::Now(), false});
      }
    }
    // `drop` closes its socket here, outside the lock.
  }

  bool CanProceed() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    return closed || !idle.empty() || open < config.pool_size;
  }

  const MysqlConfig config;
  absl::Mutex mu;
  std::vector<Idle> idle ABSL_GUARDED_BY(mu);  // most recently used last
  int open ABSL_GUARDED_BY(mu) = 0;            // idle + leased + being opened
  bool closed ABSL_GUARDED_BY(mu) = false;
};

Pool::Lease::Lease(std::shared_ptr<Shared> shared,
                   std::unique_ptr<Connection> c)
    : shared_(std::move(shared)), connection_(std::move(c)) {}

Pool::Lease& Pool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    Return();
    shared_ = std::move(other.shared_);
    connection_ = std::move(other.connection_);
    broken_ = other.broken_;
  }
  return *this;
}

Pool::Lease::~Lease() { Return(); }

void Pool::Lease::Return() {
  if (connection_ != nullptr && shared_ != nullptr) {
    shared_->Release(std::move(connection_), broken_);
  }
  connection_.reset();
  broken_ = false;
}

Pool::Pool(MysqlConfig config)
    : config_(config), shared_(std::make_shared<Shared>(std::move(config))) {}

Pool::~Pool() { Close(); }

void Pool::DistrustIdle() {
  Shared& s = *shared_;
  absl::MutexLock lock(&s.mu);
  for (Shared::Idle& idle : s.idle) idle.suspect = true;
}

absl::StatusOr<Pool::Lease> Pool::Acquire(absl::Time deadline) {
  EnsureDriverThread();
  const absl::Time wait_until =
      std::min(absl::Now() + config_.checkout_timeout, deadline);
  Shared& s = *shared_;
  while (true) {
    std::unique_ptr<Connection> candidate;
    bool validate = false;
    {
      absl::MutexLock lock(&s.mu);
      if (!s.mu.AwaitWithDeadline(absl::Condition(&s, &Shared::CanProceed),
                                  wait_until)) {
        return WithInternalDetail(
            absl::ResourceExhaustedError(
                "the server is busy: try again shortly"),
            absl::StrCat("all ", config_.pool_size,
                         " database connections are busy"));
      }
      if (s.closed) {
        return DatabaseUnavailableError(
            "the database connection pool is closed");
      }
      if (!s.idle.empty()) {
        Shared::Idle& last = s.idle.back();
        candidate = std::move(last.connection);
        validate = last.suspect ||
                   absl::Now() - last.since > config_.validate_idle_after;
        s.idle.pop_back();
      } else {
        ++s.open;  // reserve the slot while connecting outside the lock
      }
    }

    if (candidate == nullptr) {
      auto opened = Connection::Open(config_, deadline);
      if (!opened.ok()) {
        absl::MutexLock lock(&s.mu);
        --s.open;
        return opened.status();
      }
      return Lease(shared_, *std::move(opened));
    }
    if (validate && !candidate->Ping()) {
      // Dead (server restarted or idle timeout): drop it and try the next.
      s.Release(std::move(candidate), /*broken=*/true);
      continue;
    }
    return Lease(shared_, std::move(candidate));
  }
}

absl::Status Pool::Ping(absl::Time deadline) {
  return WithConnection(*this, deadline, [](Connection& c) -> absl::Status {
    std::unique_ptr<sql::ResultSet> rows = c.Query("SELECT 1");
    if (!rows->next() || rows->getInt(1) != 1) {
      return WithInternalDetail(
          absl::InternalError("the database gave an unexpected answer"),
          "SELECT 1 did not return 1");
    }
    return absl::OkStatus();
  });
}

void Pool::Close() {
  std::vector<Shared::Idle> drop;
  {
    absl::MutexLock lock(&shared_->mu);
    shared_->closed = true;
    drop.swap(shared_->idle);
    shared_->open -= static_cast<int>(drop.size());
  }
}

}  // namespace corebalance::store
