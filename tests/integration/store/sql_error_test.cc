// SQL errors from a real server, as the statuses repositories return.
#include "services/store/sql_error.h"

#include <cppconn/prepared_statement.h>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/integration/store/query_helpers.h"
#include "tests/support/free_port.h"
#include "tests/support/test_database.h"

namespace corebalance::store_test {
namespace {

using store::Connection;
using store::Pool;
using ::testing::HasSubstr;
using ::testing::Not;

class SqlErrorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    pool_ = std::make_unique<Pool>(db_.config());
    ASSERT_TRUE(Exec(*pool_,
                     "CREATE TABLE patients (id INT PRIMARY KEY, email "
                     "VARCHAR(100) NOT NULL, UNIQUE KEY uq_patients_email "
                     "(email)) ENGINE=InnoDB")
                    .ok());
    ASSERT_TRUE(Exec(*pool_,
                     "CREATE TABLE visits (id INT PRIMARY KEY, patient_id INT "
                     "NOT NULL, CONSTRAINT fk_visits_patient FOREIGN KEY "
                     "(patient_id) REFERENCES patients (id)) ENGINE=InnoDB")
                    .ok());
  }

  absl::Status Write(const std::string& sql, int id, const std::string& text) {
    return store::WithConnection(*pool_, absl::Now() + absl::Seconds(5),
                                 [&](Connection& c) {
                                   sql::PreparedStatement& s = c.Prepare(sql);
                                   s.setInt(1, id);
                                   s.setString(2, text);
                                   s.executeUpdate();
                                   return absl::OkStatus();
                                 });
  }

  test::TestDatabase db_;
  std::unique_ptr<Pool> pool_;
};

TEST_F(SqlErrorTest, DuplicateKeyIsAlreadyExistsNamingTheKeyNotTheValue) {
  const std::string insert = "INSERT INTO patients (id, email) VALUES (?, ?)";
  ASSERT_TRUE(Write(insert, 1, "jane.doe@example.com").ok());
  const absl::Status status = Write(insert, 2, "jane.doe@example.com");
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists) << status;
  // The message is for callers and plain; the key is named in the internal
  // detail, for the server's log. Neither holds the value.
  EXPECT_EQ(status.message(), "conflicts with an existing record");
  EXPECT_THAT(store::InternalDetail(status), HasSubstr("uq_patients_email"));
  EXPECT_THAT(store::InternalDetail(status), Not(HasSubstr("jane.doe")));
  EXPECT_EQ(store::MysqlErrno(status), 1062);
}

TEST_F(SqlErrorTest, MissingParentRowIsFailedPrecondition) {
  const absl::Status status =
      Write("INSERT INTO visits (id, patient_id) VALUES (?, CAST(? AS SIGNED))",
            1, "999");
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
}

TEST_F(SqlErrorTest, UnreachableServerIsUnavailableWithThePlaceInTheDetail) {
  store::MysqlConfig config = db_.config();
  config.port = test::PickFreePort();  // nothing listens there
  config.connect_timeout = absl::Seconds(2);
  Pool pool(config);
  const absl::Status status =
      store::WithConnection(pool, absl::Now() + absl::Seconds(5),
                            [](Connection&) { return absl::OkStatus(); });
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable) << status;
  EXPECT_EQ(status.message(), "the database is unavailable: try again shortly");
  for (const std::string& text :
       {std::string("MySQL"), config.host, std::to_string(config.port),
        config.user + "@"}) {
    EXPECT_THAT(status.message(), Not(HasSubstr(text)));
    EXPECT_THAT(store::InternalDetail(status), HasSubstr(text));
  }
}

TEST_F(SqlErrorTest, ServerErrorKeepsTheConnection) {
  store::MysqlConfig config = db_.config();
  config.pool_size = 1;
  Pool pool(config);
  auto connection_id = [&] { return QueryInt(pool, "SELECT CONNECTION_ID()"); };
  const auto before = connection_id();
  ASSERT_TRUE(before.ok()) << before.status();

  const absl::Status bad = store::WithConnection(
      pool, absl::Now() + absl::Seconds(5), [](Connection& c) {
        c.Execute("SELECT * FROM no_such_table");
        return absl::OkStatus();
      });
  EXPECT_EQ(bad.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(store::MysqlErrno(bad), 1146);
  EXPECT_EQ(bad.message(), "the database could not complete the request");
  EXPECT_THAT(store::InternalDetail(bad),
              HasSubstr("MySQL error 1146 (SQLSTATE 42S02)"));
  // A server error says nothing bad about the connection: it is kept.
  EXPECT_EQ(connection_id().value_or(-1), *before);
}

}  // namespace
}  // namespace corebalance::store_test
