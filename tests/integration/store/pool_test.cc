#include "services/store/pool.h"

#include <cppconn/exception.h>
#include <cppconn/resultset.h>

#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/store/run.h"
#include "tests/integration/store/query_helpers.h"
#include "tests/support/free_port.h"
#include "tests/support/test_database.h"

namespace corebalance::store_test {
namespace {

using store::Connection;
using store::Pool;

int64_t ConnectionId(Connection& c) {
  auto rows = c.Query("SELECT CONNECTION_ID()");
  rows->next();
  return rows->getInt64(1);
}

// MySQL 8 knows only transaction_isolation, MariaDB 10.11 only tx_isolation.
std::string IsolationLevel(Connection& c) {
  for (const char* variable : {"transaction_isolation", "tx_isolation"}) {
    try {
      auto rows = c.Query(std::string("SELECT @@session.") + variable);
      rows->next();
      return rows->getString(1);
    } catch (const sql::SQLException&) {
      // unknown variable: try the other name
    }
  }
  return "";
}

TEST(Pool, ReturnsRESOURCE_EXHAUSTEDWhenAllConnectionsStayLeased) {
  test::TestDatabase db;
  store::MysqlConfig config = db.config();
  config.pool_size = 2;
  config.checkout_timeout = absl::Milliseconds(300);
  Pool pool(config);

  auto first = pool.Acquire();
  auto second = pool.Acquire();
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();

  const absl::Time start = absl::Now();
  auto third = pool.Acquire();
  EXPECT_EQ(third.status().code(), absl::StatusCode::kResourceExhausted);
  // It waited for a connection to free up, then gave up.
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(250));

  // A caller's shorter deadline wins over the checkout timeout.
  auto hurried = pool.Acquire(absl::Now() + absl::Milliseconds(10));
  EXPECT_EQ(hurried.status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(Pool, HandsAReturnedConnectionToTheNextCaller) {
  test::TestDatabase db;
  store::MysqlConfig config = db.config();
  config.pool_size = 1;
  Pool pool(config);

  int64_t first_id = 0;
  {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.ok()) << lease.status();
    first_id = ConnectionId(**lease);
  }
  auto lease = pool.Acquire();
  ASSERT_TRUE(lease.ok()) << lease.status();
  EXPECT_EQ(ConnectionId(**lease), first_id);
}

TEST(Pool, AMovedLeaseReturnsItsConnectionOnce) {
  test::TestDatabase db;
  store::MysqlConfig config = db.config();
  config.pool_size = 1;
  config.checkout_timeout = absl::Milliseconds(100);
  Pool pool(config);
  {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.ok()) << lease.status();
    Pool::Lease moved = *std::move(lease);
    // Still held through `moved`.
    EXPECT_EQ(pool.Acquire().status().code(),
              absl::StatusCode::kResourceExhausted);
  }
  EXPECT_TRUE(pool.Acquire().ok());
}

TEST(Pool, WaitingCallerGetsTheConnectionWhenItIsReturned) {
  test::TestDatabase db;
  store::MysqlConfig config = db.config();
  config.pool_size = 1;
  config.checkout_timeout = absl::Seconds(5);
  Pool pool(config);

  auto held = std::make_unique<absl::StatusOr<Pool::Lease>>(pool.Acquire());
  ASSERT_TRUE(held->ok()) << held->status();
  std::thread releaser([&] {
    absl::SleepFor(absl::Milliseconds(100));
    held.reset();
  });
  auto waited = pool.Acquire();
  releaser.join();
  EXPECT_TRUE(waited.ok()) << waited.status();
}

TEST(Pool, BrokenLeaseIsReplacedByAFreshConnection) {
  test::TestDatabase db;
  store::MysqlConfig config = db.config();
  config.pool_size = 1;
  Pool pool(config);

  int64_t broken_id = 0;
  {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.ok()) << lease.status();
    broken_id = ConnectionId(**lease);
    (*lease).MarkBroken();
  }
  auto lease = pool.Acquire();
  ASSERT_TRUE(lease.ok()) << lease.status();
  EXPECT_NE(ConnectionId(**lease), broken_id);
}

TEST(Pool, ConnectionsAreSetUpForUtcUtf8mb4AndReadCommitted) {
  test::TestDatabase db;
  Pool pool(db.config());
  auto lease = pool.Acquire();
  ASSERT_TRUE(lease.ok()) << lease.status();
  auto rows = (*lease)->Query(
      "SELECT @@session.time_zone, @@character_set_client, "
      "@@character_set_results, @@autocommit");
  ASSERT_TRUE(rows->next());
  EXPECT_EQ(rows->getString(1), "+00:00");
  EXPECT_EQ(rows->getString(2), "utf8mb4");
  EXPECT_EQ(rows->getString(3), "utf8mb4");
  EXPECT_EQ(rows->getInt(4), 1);
  EXPECT_EQ(IsolationLevel(**lease), "READ-COMMITTED");
}

TEST(Pool, DoesNotConnectUntilAskedAndReportsADownDatabaseAsUNAVAILABLE) {
  store::MysqlConfig config;
  config.port = test::PickFreePort();  // nothing listens there
  config.connect_timeout = absl::Seconds(1);
  Pool pool(config);  // constructing must not fail or block

  const absl::Time start = absl::Now();
  auto lease = pool.Acquire();
  EXPECT_EQ(lease.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(pool.Ping(absl::Now() + absl::Seconds(1)).code(),
            absl::StatusCode::kUnavailable);
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

TEST(Pool, PingAnswersOkForALiveDatabase) {
  test::TestDatabase db;
  Pool pool(db.config());
  EXPECT_TRUE(pool.Ping(absl::Now() + absl::Seconds(2)).ok());
}

TEST(Pool, ClosedPoolRefusesNewLeases) {
  test::TestDatabase db;
  Pool pool(db.config());
  ASSERT_TRUE(pool.Ping(absl::Now() + absl::Seconds(2)).ok());
  pool.Close();
  EXPECT_EQ(pool.Acquire().status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace corebalance::store_test
