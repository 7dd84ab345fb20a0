#include "tests/support/test_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/store/pool.h"
#include "services/store/run.h"

namespace corebalance::test {
namespace {

constexpr char kUrlVariable[] = "COREBALANCE_TEST_MYSQL_URL";

// cbtest_<pid>_<counter>_<random>: unique across parallel test processes and
// within one.
std::string UniqueName() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return absl::StrCat("cbtest_", getpid(), "_", counter.fetch_add(1), "_",
                      random() % 1000000);
}

// Runs one administrative statement without selecting a database.
absl::Status Administer(const store::MysqlConfig& server,
                        const std::string& sql) {
  store::MysqlConfig admin = server;
  admin.database.clear();
  admin.pool_size = 1;
  store::Pool pool(admin);
  return store::WithConnection(pool, absl::Now() + absl::Seconds(10),
                               [&](store::Connection& c) {
                                 c.Execute(sql);
                                 return absl::OkStatus();
                               });
}

}  // namespace

store::MysqlConfig TestServerConfig() {
  const char* url = std::getenv(kUrlVariable);
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(absl::StrCat(
        kUrlVariable,
        " is not set. Database tests need a MariaDB: run them through "
        "tests/run.sh, or start one and export ",
        kUrlVariable, "=mysql://root@127.0.0.1:PORT/"));
  }
  auto config = store::ParseMysqlUrl(url);
  if (!config.ok()) {
    throw std::runtime_error(
        absl::StrCat(kUrlVariable, ": ", config.status().message()));
  }
  return *config;
}

TestDatabase::TestDatabase() : TestDatabase(TestServerConfig()) {}

TestDatabase::TestDatabase(const store::MysqlConfig& server) : config_(server) {
  config_.database = UniqueName();
  const absl::Status created = Administer(
      server,
      absl::StrCat("CREATE DATABASE `", config_.database,
                   "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
  if (!created.ok()) {
    throw std::runtime_error(absl::StrCat("cannot create test database on ",
                                          store::RedactedUrl(server), ": ",
                                          MessageAndDetail(created)));
  }
}

TestDatabase::~TestDatabase() {
  const absl::Status dropped = Administer(
      config_,
      absl::StrCat("DROP DATABASE IF EXISTS `", config_.database, "`"));
  if (!dropped.ok()) {
    std::fprintf(stderr, "TestDatabase: could not drop %s: %s\n",
                 config_.database.c_str(), MessageAndDetail(dropped).c_str());
  }
}

std::string TestDatabase::url() const { return store::FormatMysqlUrl(config_); }

}  // namespace corebalance::test
