#ifndef COREBALANCE_SERVICES_STORE_SQL_ERROR_H_
#define COREBALANCE_SERVICES_STORE_SQL_ERROR_H_

// Connector/C++ exceptions as canonical absl::Status codes.
//
//   client errors CR_* (2000-2999: can't connect, server gone away, lost
//   connection) and server shutdown/kill -> UNAVAILABLE, drop the connection
//   1062 duplicate key                 -> ALREADY_EXISTS
//   1213 deadlock, 1205 lock wait timeout -> ABORTED (retry the transaction)
//   1451/1452 foreign key              -> FAILED_PRECONDITION
//   anything else                      -> INTERNAL
//
// The message is a plain sentence for callers, chosen by the error ("the
// database is unavailable: try again shortly"); it never holds database
// text, hosts or SQL. What the server said goes into the status's internal
// detail (services/common/internal_detail.h), for logs and operators:
// "MySQL error 1062 (SQLSTATE 23000): duplicate entry '?' for key 'PRIMARY'".
// Server messages can quote the values that failed (a duplicate e-mail, an
// out-of-range number): every quoted literal is replaced by '?', so not even
// the detail carries patient data. Identifiers (`table`, key names) stay.

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "services/common/internal_detail.h"

namespace sql {
class SQLException;
}  // namespace sql

namespace corebalance::store {

// MySQL/MariaDB error numbers the store reacts to.
namespace mysql_errno {
inline constexpr int kServerShutdown = 1053;    // ER_SERVER_SHUTDOWN
inline constexpr int kDuplicateKey = 1062;      // ER_DUP_ENTRY
inline constexpr int kNoSuchTable = 1146;       // ER_NO_SUCH_TABLE
inline constexpr int kLockWaitTimeout = 1205;   // ER_LOCK_WAIT_TIMEOUT
inline constexpr int kDeadlock = 1213;          // ER_LOCK_DEADLOCK
inline constexpr int kRowIsReferenced = 1451;   // ER_ROW_IS_REFERENCED_2
inline constexpr int kNoReferencedRow = 1452;   // ER_NO_REFERENCED_ROW_2
inline constexpr int kConnectionKilled = 1927;  // MariaDB ER_CONNECTION_KILLED
inline constexpr int kSessionKilled = 3169;     // MySQL ER_SESSION_WAS_KILLED
inline constexpr int kClientInactivityTimeout = 4031;  // MySQL 8.0.24+
}  // namespace mysql_errno

// The status payload (not a google.rpc detail) that carries the MySQL error
// number, so a retry loop can recognise a deadlock after a repository has
// already turned the exception into a Status.
inline constexpr absl::string_view kMysqlErrnoPayload =
    "corebalance.store/mysql_errno";

absl::Status SqlErrorToStatus(const sql::SQLException& e);

// UNAVAILABLE with the message callers get when the database cannot be used
// (down, unreachable, refusing the login, pool closed) and `detail` as its
// internal detail.
absl::Status DatabaseUnavailableError(absl::string_view detail);

// The internal detail of a status made here ("" when none): the MySQL error
// number, SQLSTATE and redacted server text, or the server that could not be
// reached. For logs and operator output (the migration runner, the CLI),
// never for a caller.
using ::corebalance::InternalDetail;

// A CR_* error raised by the client library itself (2000-2999).
bool IsClientError(const sql::SQLException& e);
// The connection can no longer be trusted and must be dropped: client errors
// plus the server shutting down or killing the session.
bool IsConnectionLost(const sql::SQLException& e);
// Deadlock or lock wait timeout: running the transaction again may succeed.
bool IsRetryable(const sql::SQLException& e);
// Same, for a status made by SqlErrorToStatus.
bool IsRetryable(const absl::Status& status);

// The MySQL error number behind a status made by SqlErrorToStatus.
std::optional<int> MysqlErrno(const absl::Status& status);

// For 1062: the name of the unique key that was violated ("PRIMARY",
// "uq_users_email"), so a repository can say which field clashed.
std::optional<std::string> DuplicateKeyName(const sql::SQLException& e);

// `message` with every '...' and "..." literal replaced by '?'.
std::string RedactLiterals(absl::string_view message);

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_SQL_ERROR_H_
