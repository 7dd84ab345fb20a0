// Every statement is bounded by its call's deadline: a slow one ends with
// DEADLINE_EXCEEDED around the deadline, never holds the connection past
// it, and leaves the connection usable.

#include <cppconn/resultset.h>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "services/store/dialect.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/support/test_database.h"

namespace corebalance::store_test {
namespace {

using store::Connection;

// A statement that runs for minutes: a cross join of the server's own
// catalogue.
absl::Status SlowSelect(store::Pool& pool, absl::Time deadline) {
  return store::WithConnection(
      pool, deadline, [&](Connection& c) -> absl::Status {
        // SLEEP() is not interrupted by a statement limit on every server;
        // a long scan is.
        c.Query(
             "SELECT COUNT(*) FROM (SELECT 1 FROM information_schema.columns"
             " a, information_schema.columns b, information_schema.columns"
             " c) x")
            ->next();
        return absl::OkStatus();
      });
}

TEST(StatementBound, ASlowStatementEndsAtTheCallsDeadline) {
  test::TestDatabase db;
  store::MysqlConfig config = db.config();
  config.pool_size = 1;
  store::Pool pool(config);
  const absl::Time start = absl::Now();
  absl::Status slow = SlowSelect(pool, start + absl::Milliseconds(700));
  const absl::Duration took = absl::Now() - start;
  ASSERT_EQ(slow.code(), absl::StatusCode::kDeadlineExceeded) << slow;
  EXPECT_EQ(slow.message().find("SELECT"), std::string::npos);
  EXPECT_LT(took, absl::Seconds(3));

  // The one connection is usable again, and a call with a longer deadline
  // is not held to the short limit.
  absl::Status fine = store::WithConnection(
      pool, absl::Now() + absl::Seconds(20), [](Connection& c) -> absl::Status {
        auto rs = c.Query("SELECT 1");
        return rs->next() ? absl::OkStatus() : absl::InternalError("no row");
      });
  EXPECT_TRUE(fine.ok()) << fine;
}

TEST(StatementBound, TheLimitFollowsTheDialect) {
  EXPECT_EQ(store::DialectOfVersion("10.11.6-MariaDB-0+deb12u1"),
            store::Dialect::kMariaDb);
  EXPECT_EQ(store::DialectOfVersion("8.4.3"), store::Dialect::kMySql);
  EXPECT_EQ(store::StatementTimeLimitSql(store::Dialect::kMariaDb,
                                         absl::Milliseconds(2500)),
            "SET SESSION max_statement_time = 2.500");
  EXPECT_EQ(store::StatementTimeLimitSql(store::Dialect::kMySql,
                                         absl::Milliseconds(2500)),
            "SET SESSION max_execution_time = 2500");
  EXPECT_EQ(store::StatementTimeLimitSql(store::Dialect::kMySql,
                                         absl::InfiniteDuration()),
            "SET SESSION max_execution_time = 0");
}

}  // namespace
}  // namespace corebalance::store_test
