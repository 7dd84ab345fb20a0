#ifndef COREBALANCE_TESTS_SUPPORT_PRIVATE_MARIADB_H_
#define COREBALANCE_TESTS_SUPPORT_PRIVATE_MARIADB_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "services/store/mysql_config.h"

namespace corebalance::test {

// A mariadbd of the test's own, for tests where the database goes away and
// comes back (pool recovery, health transitions). It runs as a direct child
// on a free 127.0.0.1 port with a throwaway data directory, and is killed if
// the thread that started it dies, so a crashed test leaves no server behind.
// Use it from one thread (the test's).
//
//   PrivateMariaDb db;
//   ASSERT_TRUE(db.Start().ok());
//   store::Pool pool(db.config());
//   ASSERT_TRUE(db.Stop().ok());   // the database is down
//   ASSERT_TRUE(db.Start().ok());  // and back, same port and data
class PrivateMariaDb {
 public:
  struct Options {
    // Added to mariadbd's command line, e.g. TLS settings.
    std::vector<std::string> server_args;
    // How config() reaches the server (and Start() waits for it).
    store::MysqlTls client_tls;
  };

  // Picks the port and the directory; starts nothing.
  PrivateMariaDb();
  explicit PrivateMariaDb(Options options);
  // Stops the server and deletes its data.
  ~PrivateMariaDb();
  PrivateMariaDb(const PrivateMariaDb&) = delete;
  PrivateMariaDb& operator=(const PrivateMariaDb&) = delete;

  // On first use copies a freshly installed data directory (mariadb-install-db
  // runs once per test process) and creates the database "corebalance";
  // spawns mariadbd and waits until it accepts logins.
  // OK at once when already running.
  absl::Status Start();
  // SIGTERM, then waits for the process to exit (SIGKILL after 30 s).
  absl::Status Stop();
  // SIGKILL, as a crash: no shutdown, InnoDB recovers at the next Start().
  void Kill();
  // Stop() then Start(): same port, same data.
  absl::Status Restart();

  bool running() const { return pid_ > 0; }
  int port() const { return port_; }
  // root@127.0.0.1:port(), database "corebalance"; pool settings tuned for
  // tests (short timeouts).
  store::MysqlConfig config() const;
  std::string url() const { return store::FormatMysqlUrl(config()); }
  // mariadbd's output, for diagnosing a failed start.
  std::string log_path() const { return dir_ + "/mariadbd.log"; }

 private:
  absl::Status Initialise();
  absl::Status WaitUntilReady();

  std::string dir_;
  int port_ = 0;
  pid_t pid_ = -1;
  bool database_created_ = false;
  Options options_;
};

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_SUPPORT_PRIVATE_MARIADB_H_
