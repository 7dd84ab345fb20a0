#ifndef COREBALANCE_SERVICES_STORE_RUN_H_
#define COREBALANCE_SERVICES_STORE_RUN_H_

// Running repository code on a pooled connection, with SQL exceptions turned
// into Status values at one place.
//
//   absl::StatusOr<Patient> Find(Pool& pool, absl::Time deadline, ...) {
//     return WithConnection(pool, deadline,
//         [&](Connection& c) -> absl::StatusOr<Patient> { ... });
//   }

#include <cppconn/exception.h>

#include <type_traits>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "services/store/connection.h"
#include "services/store/pool.h"
#include "services/store/sql_error.h"

namespace corebalance::store {

struct TransactionOptions {
  // Extra runs after a deadlock or lock wait timeout.
  int max_retries = 3;
  // First pause before a retry; doubled each time, with +-50% jitter.
  absl::Duration base_backoff = absl::Milliseconds(5);
};

namespace internal {

// The result type of fn(Connection&): absl::Status or absl::StatusOr<T>.
template <typename Fn>
using RunResult = std::decay_t<std::invoke_result_t<Fn&, Connection&>>;

template <typename R>
constexpr bool kIsStatusLike =
    std::is_same_v<R, absl::Status> || std::is_constructible_v<R, absl::Status>;

inline const absl::Status& StatusOf(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& StatusOf(const absl::StatusOr<T>& s) {
  return s.status();
}

// Runs `sql` (COMMIT, ROLLBACK...) and reports whether it worked; a failure
// marks the lease broken.
bool ExecuteOrBreak(Pool::Lease& lease, const char* sql);
// The pause before retry number `attempt` (1-based).
absl::Duration RetryBackoff(const TransactionOptions& options, int attempt);
void SleepFor(absl::Duration d);

}  // namespace internal

// Every statement they run is bounded by the time left to `deadline`
// (Connection::BoundStatements): past it, DEADLINE_EXCEEDED.
//
// Runs fn(Connection&) on a leased connection. A sql::SQLException becomes a
// Status (sql_error.h) and drops the connection when it was lost; any other
// exception drops the connection and propagates.
template <typename Fn>
auto WithConnection(Pool& pool, absl::Time deadline, Fn&& fn)
    -> internal::RunResult<Fn> {
  using R = internal::RunResult<Fn>;
  static_assert(internal::kIsStatusLike<R>,
                "fn must return absl::Status or absl::StatusOr<T>");
  absl::StatusOr<Pool::Lease> lease = pool.Acquire(deadline);
  if (!lease.ok()) return R(lease.status());
  try {
    (*lease)->BoundStatements(deadline - absl::Now());
    return fn(**lease);
  } catch (const sql::SQLException& e) {
    if (IsConnectionLost(e)) lease->MarkBroken();
    return R(SqlErrorToStatus(e));
  } catch (...) {
    lease->MarkBroken();
    throw;
  }
}

// Runs fn(Connection&) inside START TRANSACTION ... COMMIT. Commits when fn
// returns OK; rolls back when it returns an error or throws. After a deadlock
// or lock wait timeout (thrown, or returned as a status from
// SqlErrorToStatus) the whole fn runs again, up to options.max_retries times
// while the deadline allows, so fn must not keep state from an earlier run.
// A connection lost during COMMIT gives UNAVAILABLE and is not retried: the
// commit may or may not have happened.
template <typename Fn>
auto WithTransaction(Pool& pool, absl::Time deadline,
                     const TransactionOptions& options, Fn&& fn)
    -> internal::RunResult<Fn> {
  using R = internal::RunResult<Fn>;
  static_assert(internal::kIsStatusLike<R>,
                "fn must return absl::Status or absl::StatusOr<T>");
  for (int attempt = 0;; ++attempt) {
    absl::Status failure;
    {
      absl::StatusOr<Pool::Lease> lease = pool.Acquire(deadline);
      if (!lease.ok()) return R(lease.status());
      try {
        (*lease)->BoundStatements(deadline - absl::Now());
        (*lease)->Execute("START TRANSACTION");
        R result = fn(**lease);
        if (internal::StatusOf(result).ok()) {
          (*lease)->Execute("COMMIT");
          return result;
        }
        internal::ExecuteOrBreak(*lease, "ROLLBACK");
        if (!IsRetryable(internal::StatusOf(result))) return result;
        failure = internal::StatusOf(result);
      } catch (const sql::SQLException& e) {
        if (IsConnectionLost(e)) {
          lease->MarkBroken();
          return R(SqlErrorToStatus(e));
        }
        internal::ExecuteOrBreak(*lease, "ROLLBACK");
        if (!IsRetryable(e)) return R(SqlErrorToStatus(e));
        failure = SqlErrorToStatus(e);
      } catch (...) {
        internal::ExecuteOrBreak(*lease, "ROLLBACK");
        throw;
      }
    }  // the lease goes back before the pause, so others can finish
    const absl::Duration pause = internal::RetryBackoff(options, attempt + 1);
    if (attempt >= options.max_retries || absl::Now() + pause >= deadline) {
      return R(failure);
    }
    internal::SleepFor(pause);
  }
}

template <typename Fn>
auto WithTransaction(Pool& pool, absl::Time deadline, Fn&& fn)
    -> internal::RunResult<Fn> {
  return WithTransaction(pool, deadline, TransactionOptions(),
                         std::forward<Fn>(fn));
}

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_RUN_H_
