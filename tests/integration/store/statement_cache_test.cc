#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <string>

#include "gtest/gtest.h"
#include "services/store/connection.h"
#include "services/store/pool.h"
#include "tests/support/test_database.h"

namespace corebalance::store_test {
namespace {

using store::Connection;
using store::Pool;

// How many statements this session has prepared on the server.
int64_t ServerPrepares(Connection& c) {
  auto rows = c.Query("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'");
  rows->next();
  return std::stoll(std::string(rows->getString(2)));
}

int Evaluate(sql::PreparedStatement& statement, int value) {
  statement.setInt(1, value);
  auto rows = std::unique_ptr<sql::ResultSet>(statement.executeQuery());
  rows->next();
  return rows->getInt(1);
}

TEST(StatementCache, PreparesASqlTextOnceAndReusesIt) {
  test::TestDatabase db;
  Pool pool(db.config());
  auto lease = pool.Acquire();
  ASSERT_TRUE(lease.ok()) << lease.status();
  Connection& c = **lease;

  const int64_t before = ServerPrepares(c);
  sql::PreparedStatement* first = &c.Prepare("SELECT ? + 1");
  for (int i = 0; i < 5; ++i) {
    sql::PreparedStatement& again = c.Prepare("SELECT ? + 1");
    EXPECT_EQ(&again, first);
    EXPECT_EQ(Evaluate(again, i), i + 1);
  }
  EXPECT_EQ(ServerPrepares(c) - before, 1);
  EXPECT_EQ(c.cached_statements(), 1u);
}

TEST(StatementCache, SurvivesTheLeaseAndServesTheNextOne) {
  test::TestDatabase db;
  store::MysqlConfig config = db.config();
  config.pool_size = 1;
  Pool pool(config);
  int64_t before = 0;
  {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.ok()) << lease.status();
    before = ServerPrepares(**lease);
    EXPECT_EQ(Evaluate((*lease)->Prepare("SELECT ? * 2"), 4), 8);
  }
  auto lease = pool.Acquire();
  ASSERT_TRUE(lease.ok()) << lease.status();
  EXPECT_EQ(Evaluate((*lease)->Prepare("SELECT ? * 2"), 5), 10);
  EXPECT_EQ(ServerPrepares(**lease) - before, 1);
}

TEST(StatementCache, EvictsTheLeastRecentlyUsedStatementWhenFull) {
  test::TestDatabase db;
  store::MysqlConfig config = db.config();
  config.statement_cache_size = 2;
  Pool pool(config);
  auto lease = pool.Acquire();
  ASSERT_TRUE(lease.ok()) << lease.status();
  Connection& c = **lease;

  const int64_t before = ServerPrepares(c);
  c.Prepare("SELECT ? + 1");
  c.Prepare("SELECT ? + 2");
  c.Prepare("SELECT ? + 1");  // cached; now the most recently used
  c.Prepare("SELECT ? + 3");  // evicts "+ 2"
  EXPECT_EQ(c.cached_statements(), 2u);
  EXPECT_EQ(ServerPrepares(c) - before, 3);

  EXPECT_EQ(Evaluate(c.Prepare("SELECT ? + 1"), 1), 2);  // still cached
  EXPECT_EQ(ServerPrepares(c) - before, 3);
  EXPECT_EQ(Evaluate(c.Prepare("SELECT ? + 2"), 1), 3);  // prepared again
  EXPECT_EQ(ServerPrepares(c) - before, 4);
}

}  // namespace
}  // namespace corebalance::store_test
