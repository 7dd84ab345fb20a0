#ifndef COREBALANCE_SERVICES_STORE_CONNECTION_H_
#define COREBALANCE_SERVICES_STORE_CONNECTION_H_

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/store/dialect.h"
#include "services/store/mysql_config.h"

namespace sql {
class Connection;
class PreparedStatement;
class ResultSet;
}  // namespace sql

namespace corebalance::store {

// One open sql::Connection plus its cache of prepared statements. Not
// thread-safe: the pool hands a connection to one thread at a time.
// Methods that talk to the server throw sql::SQLException, which
// WithConnection/WithTransaction (run.h) turn into a Status.
class Connection {
 public:
  // Connects and sets up the session (utf8mb4, UTC, READ COMMITTED,
  // autocommit, strict sql_mode). UNAVAILABLE when the server cannot be
  // reached or refuses the login: a plain message, the server's address and
  // error in its internal detail (sql_error.h). Never sets OPT_RECONNECT: a
  // silent reconnect would lose session state and open transactions.
  static absl::StatusOr<std::unique_ptr<Connection>> Open(
      const MysqlConfig& config, absl::Time deadline);

  Connection(std::unique_ptr<sql::Connection> raw, int statement_cache_size,
             Dialect dialect = Dialect::kMariaDb);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A prepared statement for `sql`, prepared once and then reused (LRU of
  // statement_cache_size). Parameters bound by an earlier user are still set:
  // bind every one. Finish with a statement's ResultSet before preparing
  // another statement, as eviction closes the least recently used one.
  sql::PreparedStatement& Prepare(const std::string& sql);

  // A plain statement that returns no rows (DDL, SET, START TRANSACTION...).
  void Execute(const std::string& sql);
  // A plain query without parameters; use Prepare() for anything with values.
  std::unique_ptr<sql::ResultSet> Query(const std::string& sql);

  // A cheap round trip (COM_PING); false when the connection is dead.
  bool Ping();

  // Bounds every following statement to `remaining` (a call's time left),
  // so a slow statement never holds the connection past its call. A limit
  // set for an earlier call is kept while it is at most `remaining` and
  // close to it, which spares most calls the round trip. No bound for a day
  // or more (migrations).
  void BoundStatements(absl::Duration remaining);
  Dialect dialect() const { return dialect_; }

  sql::Connection& raw() { return *raw_; }
  size_t cached_statements() const { return statements_.size(); }

 private:
  using Entry = std::pair<std::string, std::unique_ptr<sql::PreparedStatement>>;

  // Declared first so it is destroyed last: statements need their connection.
  std::unique_ptr<sql::Connection> raw_;
  size_t capacity_;
  const Dialect dialect_;
  // The session's statement limit; infinite when none is set.
  absl::Duration statement_limit_ = absl::InfiniteDuration();
  std::list<Entry> statements_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_CONNECTION_H_
