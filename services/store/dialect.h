#ifndef COREBALANCE_SERVICES_STORE_DIALECT_H_
#define COREBALANCE_SERVICES_STORE_DIALECT_H_

// Where MariaDB (development, tests) and MySQL 8.4 (production) differ, in
// one place. Everything else the services write is SQL both accept.

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace corebalance::store {

enum class Dialect { kMariaDb, kMySql };

// From the server's VERSION(), e.g. "10.11.6-MariaDB-0+deb12u1" or "8.4.3".
Dialect DialectOfVersion(absl::string_view version);

// The statement that bounds each following statement of the session to
// `limit`: MariaDB's max_statement_time (seconds, every statement), MySQL's
// max_execution_time (milliseconds, read-only SELECTs; writes there are
// bounded by innodb_lock_wait_timeout and the socket timeouts). An infinite
// `limit` lifts the bound.
std::string StatementTimeLimitSql(Dialect dialect, absl::Duration limit);

// The server's error numbers for a statement stopped by that limit.
inline constexpr int kMariaDbStatementTimeout = 1969;  // ER_STATEMENT_TIMEOUT
inline constexpr int kMySqlQueryTimeout = 3024;        // ER_QUERY_TIMEOUT

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_DIALECT_H_
