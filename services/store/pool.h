#ifndef COREBALANCE_SERVICES_STORE_POOL_H_
#define COREBALANCE_SERVICES_STORE_POOL_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/store/connection.h"
#include "services/store/mysql_config.h"

namespace corebalance::store {

// A bounded set of connections, opened lazily: a server starts (and answers
// health checks as NOT_SERVING) while the database is still down, and the
// pool recovers by itself once it is back, without being recreated.
//
// Thread-safe. A connection is leased to one thread at a time.
class Pool {
  struct Shared;  // state shared with leases; defined in pool.cc

 public:
  // Does not connect.
  explicit Pool(MysqlConfig config);
  // Closes idle connections. Leases still out stay valid and close their
  // connection when they end.
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // Exclusive use of one connection; gives it back on destruction, or drops
  // it when marked broken (after a client error its state is unknown).
  class Lease {
   public:
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&& other) noexcept;
    ~Lease();

    Connection* operator->() { return connection_.get(); }
    Connection& operator*() { return *connection_; }
    void MarkBroken() { broken_ = true; }

   private:
    friend class Pool;
    Lease(std::shared_ptr<Shared> shared, std::unique_ptr<Connection> c);
    void Return();

    std::shared_ptr<Shared> shared_;
    std::unique_ptr<Connection> connection_;
    bool broken_ = false;
  };

  // RESOURCE_EXHAUSTED when no connection frees up within
  // min(checkout_timeout, deadline); UNAVAILABLE when a new connection cannot
  // be opened (database down) or the pool is closed. Never hangs: waiting is
  // bounded by the checkout timeout, opening by the connect timeout. The
  // messages are plain; the cause is in the internal detail (sql_error.h).
  absl::StatusOr<Lease> Acquire(absl::Time deadline = absl::InfiniteFuture());

  // For health checks: SELECT 1 on a pooled connection.
  absl::Status Ping(absl::Time deadline);

  // Closes idle connections; later Acquire calls return UNAVAILABLE.
  void Close();
  // Checks every idle connection before its next use (another pool found
  // the server gone: it may have restarted under these too).
  void DistrustIdle();

  const MysqlConfig& config() const { return config_; }

 private:
  const MysqlConfig config_;
  std::shared_ptr<Shared> shared_;
};

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_POOL_H_
