// The database going away and coming back, with a mariadbd of the test's own.
#include <cppconn/resultset.h>

#include <utility>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/support/private_mariadb.h"

namespace corebalance::store_test {
namespace {

using store::Connection;
using store::Pool;

// A call a repository would make: one round trip on a pooled connection.
absl::Status SelectOne(Pool& pool) {
  return store::WithConnection(pool, absl::Now() + absl::Seconds(5),
                               [](Connection& c) -> absl::Status {
                                 auto rows = c.Query("SELECT 1");
                                 rows->next();
                                 return absl::OkStatus();
                               });
}

// Leaves `n` open connections idle in the pool.
void Warm(Pool& pool, int n) {
  std::vector<Pool::Lease> leases;
  for (int i = 0; i < n; ++i) {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.ok()) << lease.status();
    leases.push_back(*std::move(lease));
  }
}

TEST(PoolRecovery, StartsBeforeTheDatabaseAndConnectsOnceItIsUp) {
  test::PrivateMariaDb db;
  Pool pool(db.config());  // the server is not running yet

  EXPECT_EQ(SelectOne(pool).code(), absl::StatusCode::kUnavailable);
  {
    const absl::Status started = db.Start();
    ASSERT_TRUE(started.ok()) << started;
  }
  EXPECT_TRUE(SelectOne(pool).ok());
}

TEST(PoolRecovery, CallsFailFastWhileDownAndSucceedAfterARestart) {
  test::PrivateMariaDb db;
  {
    const absl::Status started = db.Start();
    ASSERT_TRUE(started.ok()) << started;
  }
  store::MysqlConfig config = db.config();
  config.pool_size = 2;
  Pool pool(config);
  Warm(pool, 2);
  ASSERT_TRUE(SelectOne(pool).ok());

  ASSERT_TRUE(db.Stop().ok());
  for (int i = 0; i < 3; ++i) {
    const absl::Time start = absl::Now();
    EXPECT_EQ(SelectOne(pool).code(), absl::StatusCode::kUnavailable) << i;
    EXPECT_EQ(pool.Ping(absl::Now() + absl::Seconds(2)).code(),
              absl::StatusCode::kUnavailable)
        << i;
    EXPECT_LT(absl::Now() - start, absl::Seconds(5)) << "call " << i << " hung";
  }

  {
    const absl::Status started = db.Start();
    ASSERT_TRUE(started.ok()) << started;
  }
  EXPECT_TRUE(SelectOne(pool).ok());
  EXPECT_TRUE(pool.Ping(absl::Now() + absl::Seconds(2)).ok());
}

TEST(PoolRecovery, ARestartWhileIdleCostsAtMostOneFailedCall) {
  test::PrivateMariaDb db;
  {
    const absl::Status started = db.Start();
    ASSERT_TRUE(started.ok()) << started;
  }
  store::MysqlConfig config = db.config();
  config.pool_size = 3;
  Pool pool(config);
  Warm(pool, 3);  // three connections the restart will kill

  {
    const absl::Status restarted = db.Restart();
    ASSERT_TRUE(restarted.ok()) << restarted;
  }
  const absl::Status first = SelectOne(pool);
  if (!first.ok()) {
    EXPECT_EQ(first.code(), absl::StatusCode::kUnavailable) << first;
    EXPECT_TRUE(SelectOne(pool).ok()) << "second call after the restart failed";
  }
  // No dead connection is left in the pool: three at once all work.
  std::vector<Pool::Lease> leases;
  for (int i = 0; i < 3; ++i) {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.ok()) << lease.status();
    EXPECT_TRUE((*lease)->Ping()) << i;
    leases.push_back(*std::move(lease));
  }
}

}  // namespace
}  // namespace corebalance::store_test
