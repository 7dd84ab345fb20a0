#include "services/store/connection.h"

#include <cppconn/connection.h>
#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/store/driver.h"
#include "services/store/sql_error.h"

namespace corebalance::store {
namespace {

// The client library takes whole seconds; round up and never pass 0 (which
// means "no timeout").
int WholeSeconds(absl::Duration d) {
  const double seconds = std::ceil(absl::ToDoubleSeconds(d));
  return static_cast<int>(std::clamp(seconds, 1.0, 86400.0));
}

// MySQL 8.0's default sql_mode, spelled out so a MariaDB (whose default is
// laxer) or a tweaked server behaves the same.
constexpr char kSqlMode[] =
    "SET SESSION sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,"
    "NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
    "NO_ENGINE_SUBSTITUTION'";

// Connector/C++ 1.1 over MariaDB's client library: sslEnforce refuses a
// plaintext session, sslCA makes the library check the certificate's chain,
// and sslVerify adds the check that it names the host.
void SetTlsOptions(const MysqlTls& tls, sql::ConnectOptionsMap& options) {
  if (tls.mode == TlsMode::kDisabled) return;
  options["sslEnforce"] = true;
  if (!tls.ca.empty()) options["sslCA"] = sql::SQLString(tls.ca);
  if (!tls.cert.empty()) {
    options["sslCert"] = sql::SQLString(tls.cert);
    options["sslKey"] = sql::SQLString(tls.key);
  }
  options["sslVerify"] = tls.mode == TlsMode::kVerifyIdentity;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Connection>> Connection::Open(
    const MysqlConfig& config, absl::Time deadline) {
  EnsureDriverThread();
  const absl::Duration left = deadline - absl::Now();
  const absl::Duration connect_timeout =
      std::max(std::min(config.connect_timeout, left), absl::Seconds(1));

  sql::ConnectOptionsMap options;
  options["hostName"] = sql::SQLString(config.host);
  options["port"] = config.port;
  options["userName"] = sql::SQLString(config.user);
  options["password"] = sql::SQLString(config.password);
  if (!config.database.empty()) {
    options["schema"] = sql::SQLString(config.database);
  }
  options["OPT_CONNECT_TIMEOUT"] = WholeSeconds(connect_timeout);
  options["OPT_READ_TIMEOUT"] = WholeSeconds(config.io_timeout);
  options["OPT_WRITE_TIMEOUT"] = WholeSeconds(config.io_timeout);
  options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  options["characterSetResults"] = sql::SQLString("utf8mb4");
  SetTlsOptions(config.tls, options);

  std::unique_ptr<Connection> connection;
  try {
    std::unique_ptr<sql::Connection> raw(Driver().connect(options));
    Dialect dialect;
    {
      std::unique_ptr<sql::Statement> st(raw->createStatement());
      std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT VERSION()"));
      dialect = DialectOfVersion(rs->next() ? std::string(rs->getString(1))
                                            : std::string());
    }
    connection = std::make_unique<Connection>(
        std::move(raw), config.statement_cache_size, dialect);
    sql::Connection& c = connection->raw();
    c.setAutoCommit(true);
    c.setTransactionIsolation(sql::TRANSACTION_READ_COMMITTED);
    connection->Execute("SET time_zone = '+00:00'");
    connection->Execute(kSqlMode);
  } catch (const sql::SQLException& e) {
    // Whatever went wrong, no usable connection could be opened. Where to
    // and why is for the logs: callers (even unauthenticated ones, through
    // the authenticator) only learn that the database is unavailable.
    return DatabaseUnavailableError(absl::StrCat(
        "cannot open a database connection to ", RedactedUrl(config), ": ",
        InternalDetail(SqlErrorToStatus(e))));
  }
  return connection;
}

Connection::Connection(std::unique_ptr<sql::Connection> raw,
                       int statement_cache_size, Dialect dialect)
    : raw_(std::move(raw)),
      capacity_(static_cast<size_t>(std::max(statement_cache_size, 1))),
      dialect_(dialect) {}

void Connection::BoundStatements(absl::Duration remaining) {
  if (remaining >= absl::Hours(24)) {
    if (statement_limit_ == absl::InfiniteDuration()) return;
    Execute(StatementTimeLimitSql(dialect_, absl::InfiniteDuration()));
    statement_limit_ = absl::InfiniteDuration();
    return;
  }
  if (statement_limit_ <= remaining && statement_limit_ >= remaining * 0.9) {
    return;
  }
  // Rounded down (to whole seconds, tenths, or milliseconds for short
  // deadlines), so that calls with the same deadline find the limit set.
  const absl::Duration unit = remaining >= absl::Seconds(10) ? absl::Seconds(1)
                              : remaining >= absl::Seconds(1)
                                  ? absl::Milliseconds(100)
                                  : absl::Milliseconds(1);
  const absl::Duration limit = absl::Floor(remaining, unit);
  Execute(StatementTimeLimitSql(dialect_, limit));
  statement_limit_ = limit;
}

Connection::~Connection() {
  // Statements first, while their connection is still open.
  index_.clear();
  statements_.clear();
}

sql::PreparedStatement& Connection::Prepare(const std::string& sql) {
  if (auto it = index_.find(sql); it != index_.end()) {
    statements_.splice(statements_.begin(), statements_, it->second);
    return *it->second->second;
  }
  std::unique_ptr<sql::PreparedStatement> statement(
      raw_->prepareStatement(sql));
  if (statements_.size() >= capacity_) {
    index_.erase(statements_.back().first);
    statements_.pop_back();
  }
  statements_.emplace_front(sql, std::move(statement));
  index_[sql] = statements_.begin();
  return *statements_.front().second;
}

void Connection::Execute(const std::string& sql) {
  std::unique_ptr<sql::Statement> statement(raw_->createStatement());
  if (statement->execute(sql)) {
    // A statement that returned rows anyway: drain them so the connection is
    // ready for the next command.
    std::unique_ptr<sql::ResultSet> rows(statement->getResultSet());
  }
}

std::unique_ptr<sql::ResultSet> Connection::Query(const std::string& sql) {
  std::unique_ptr<sql::Statement> statement(raw_->createStatement());
  return std::unique_ptr<sql::ResultSet>(statement->executeQuery(sql));
}

bool Connection::Ping() {
  try {
    return raw_->isValid();
  } catch (const sql::SQLException&) {
    return false;
  }
}

}  // namespace corebalance::store
