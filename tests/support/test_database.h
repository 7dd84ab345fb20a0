#ifndef COREBALANCE_TESTS_SUPPORT_TEST_DATABASE_H_
#define COREBALANCE_TESTS_SUPPORT_TEST_DATABASE_H_

#include <string>

#include "services/store/mysql_config.h"

namespace corebalance::test {

// The MariaDB server the tests use, from COREBALANCE_TEST_MYSQL_URL
// (tests/run.sh starts one and sets it). Throws std::runtime_error when the
// variable is missing or malformed: GoogleTest reports that as a failure of
// the test, never as a skip.
store::MysqlConfig TestServerConfig();

// A fresh, uniquely named database for one test (or suite), dropped on
// destruction. Throws std::runtime_error, which fails the test, when the
// server is not configured or cannot create it.
//
//   TEST(Repo, Saves) {
//     test::TestDatabase db;
//     store::Pool pool(db.config());
//     ...
//   }
class TestDatabase {
 public:
  // On the server named by COREBALANCE_TEST_MYSQL_URL.
  TestDatabase();
  // On another server, e.g. PrivateMariaDb::config().
  explicit TestDatabase(const store::MysqlConfig& server);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // The server's config with database = name(); pool settings as the
  // defaults (tests tweak them).
  store::MysqlConfig config() const { return config_; }
  // mysql://user[:password]@host:port/name, e.g. for a server's --mysql-url.
  std::string url() const;
  const std::string& name() const { return config_.database; }

 private:
  store::MysqlConfig config_;
};

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_SUPPORT_TEST_DATABASE_H_
