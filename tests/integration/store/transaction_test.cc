#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>

#include <atomic>
#include <latch>
#include <stdexcept>
#include <thread>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "services/store/sql_error.h"
#include "tests/integration/store/query_helpers.h"
#include "tests/support/test_database.h"

namespace corebalance::store_test {
namespace {

using store::Connection;
using store::Pool;

void Insert(Connection& c, int id, int n) {
  sql::PreparedStatement& insert =
      c.Prepare("INSERT INTO counters (id, n) VALUES (?, ?)");
  insert.setInt(1, id);
  insert.setInt(2, n);
  insert.executeUpdate();
}

void Increment(Connection& c, int id) {
  sql::PreparedStatement& update =
      c.Prepare("UPDATE counters SET n = n + 1 WHERE id = ?");
  update.setInt(1, id);
  update.executeUpdate();
}

class TransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::MysqlConfig config = db_.config();
    config.pool_size = 4;
    pool_ = std::make_unique<Pool>(config);
    ASSERT_TRUE(Exec(*pool_,
                     "CREATE TABLE counters (id INT PRIMARY KEY, n INT NOT "
                     "NULL) ENGINE=InnoDB")
                    .ok());
  }

  int64_t Count() {
    return QueryInt(*pool_, "SELECT COUNT(*) FROM counters").value();
  }
  int64_t ValueOf(int id) {
    return QueryInt(*pool_,
                    "SELECT n FROM counters WHERE id = " + std::to_string(id))
        .value();
  }
  absl::Time Soon() { return absl::Now() + absl::Seconds(10); }

  test::TestDatabase db_;
  std::unique_ptr<Pool> pool_;
};

TEST_F(TransactionTest, CommitsWhenFnSucceedsAndPassesItsValueOn) {
  absl::StatusOr<int> result = store::WithTransaction(
      *pool_, Soon(), [](Connection& c) -> absl::StatusOr<int> {
        Insert(c, 1, 10);
        Insert(c, 2, 20);
        return 42;
      });
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(*result, 42);
  EXPECT_EQ(Count(), 2);
}

TEST_F(TransactionTest, RollsBackWhenFnReturnsAnError) {
  const absl::Status status =
      store::WithTransaction(*pool_, Soon(), [](Connection& c) {
        Insert(c, 1, 10);
        return absl::InvalidArgumentError("changed my mind");
      });
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Count(), 0);
}

TEST_F(TransactionTest, RollsBackAndRethrowsWhenFnThrows) {
  EXPECT_THROW(store::WithTransaction(*pool_, Soon(),
                                      [](Connection& c) -> absl::Status {
                                        Insert(c, 1, 10);
                                        throw std::runtime_error("bug");
                                      }),
               std::runtime_error);
  EXPECT_EQ(Count(), 0);
}

TEST_F(TransactionTest, RollsBackEarlierStatementsWhenALaterOneFails) {
  const absl::Status status =
      store::WithTransaction(*pool_, Soon(), [](Connection& c) {
        Insert(c, 1, 10);
        Insert(c, 1, 11);  // duplicate primary key
        return absl::OkStatus();
      });
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists) << status;
  EXPECT_EQ(Count(), 0);
}

TEST_F(TransactionTest, RetriesAfterADeadlockWithoutLosingAWrite) {
  ASSERT_TRUE(store::WithTransaction(*pool_, Soon(), [](Connection& c) {
                Insert(c, 1, 0);
                Insert(c, 2, 0);
                return absl::OkStatus();
              }).ok());

  std::latch both_hold_their_first_row(2);
  std::atomic<int> runs{0};
  // Each thread increments both rows, in opposite orders: the first runs
  // lock one row each, then wait for the other's: a deadlock.
  auto increment_both = [&](int first, int second) {
    bool met = false;
    return store::WithTransaction(*pool_, Soon(), [&](Connection& c) {
      ++runs;
      Increment(c, first);
      if (!met) {
        met = true;
        both_hold_their_first_row.arrive_and_wait();
      }
      Increment(c, second);
      return absl::OkStatus();
    });
  };
  absl::Status a_status, b_status;
  std::thread a([&] { a_status = increment_both(1, 2); });
  std::thread b([&] { b_status = increment_both(2, 1); });
  a.join();
  b.join();

  EXPECT_TRUE(a_status.ok()) << a_status;
  EXPECT_TRUE(b_status.ok()) << b_status;
  EXPECT_GE(runs.load(), 3) << "no deadlock happened, so nothing was retried";
  const int committed = (a_status.ok() ? 1 : 0) + (b_status.ok() ? 1 : 0);
  EXPECT_EQ(ValueOf(1), committed);
  EXPECT_EQ(ValueOf(2), committed);
}

TEST_F(TransactionTest, RetriesAfterALockWaitTimeout) {
  ASSERT_TRUE(Exec(*pool_, "INSERT INTO counters VALUES (1, 0)").ok());
  std::latch locked(1);
  std::thread holder([&] {
    const absl::Status held =
        store::WithTransaction(*pool_, Soon(), [&](Connection& c) {
          Increment(c, 1);
          locked.count_down();
          absl::SleepFor(absl::Milliseconds(1500));
          return absl::OkStatus();
        });
    EXPECT_TRUE(held.ok()) << held;
  });
  locked.wait();

  int runs = 0;
  const absl::Status status =
      store::WithTransaction(*pool_, Soon(), [&](Connection& c) {
        ++runs;
        c.Execute("SET SESSION innodb_lock_wait_timeout = 1");
        Increment(c, 1);
        return absl::OkStatus();
      });
  holder.join();
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_GE(runs, 2);
  EXPECT_EQ(ValueOf(1), 2);
}

TEST_F(TransactionTest, GivesUpWithABORTEDAfterMaxRetries) {
  int runs = 0;
  store::TransactionOptions options;
  options.max_retries = 2;
  options.base_backoff = absl::Milliseconds(1);
  const absl::Status status = store::WithTransaction(
      *pool_, Soon(), options, [&](Connection& c) -> absl::Status {
        ++runs;
        Insert(c, runs, 0);
        // What the server raises for a deadlock.
        throw sql::SQLException("Deadlock found when trying to get lock",
                                "40001", 1213);
      });
  EXPECT_EQ(status.code(), absl::StatusCode::kAborted);
  EXPECT_EQ(runs, 3);
  EXPECT_EQ(Count(), 0);
}

TEST_F(TransactionTest, RetriesADeadlockReturnedAsAStatusToo) {
  int runs = 0;
  const absl::Status status =
      store::WithTransaction(*pool_, Soon(), [&](Connection& c) {
        ++runs;
        Insert(c, runs, 0);
        if (runs == 1) {
          // A repository that caught the exception itself.
          return store::SqlErrorToStatus(
              sql::SQLException("Deadlock found", "40001", 1213));
        }
        return absl::OkStatus();
      });
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(Count(), 1);  // only the second run's row
}

TEST_F(TransactionTest, StopsRetryingAtTheDeadline) {
  int runs = 0;
  store::TransactionOptions options;
  options.max_retries = 100;
  options.base_backoff = absl::Milliseconds(50);
  const absl::Time start = absl::Now();
  const absl::Status status = store::WithTransaction(
      *pool_, absl::Now() + absl::Milliseconds(300), options,
      [&](Connection&) -> absl::Status {
        ++runs;
        throw sql::SQLException("Lock wait timeout exceeded", "HY000", 1205);
      });
  EXPECT_EQ(status.code(), absl::StatusCode::kAborted);
  EXPECT_LT(runs, 100);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
}

}  // namespace
}  // namespace corebalance::store_test
