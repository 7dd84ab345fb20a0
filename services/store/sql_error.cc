#include "services/store/sql_error.h"

#include <cppconn/exception.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "services/store/dialect.h"

namespace corebalance::store {
namespace {

constexpr absl::string_view kDatabaseUnavailableMessage =
    "the database is unavailable: try again shortly";

absl::StatusCode CodeFor(const sql::SQLException& e) {
  if (IsConnectionLost(e)) return absl::StatusCode::kUnavailable;
  switch (e.getErrorCode()) {
    case mysql_errno::kDuplicateKey:
      return absl::StatusCode::kAlreadyExists;
    case mysql_errno::kDeadlock:
    case mysql_errno::kLockWaitTimeout:
      return absl::StatusCode::kAborted;
    case mysql_errno::kRowIsReferenced:
    case mysql_errno::kNoReferencedRow:
      return absl::StatusCode::kFailedPrecondition;
    case kMariaDbStatementTimeout:
    case kMySqlQueryTimeout:
      return absl::StatusCode::kDeadlineExceeded;
    default:
      return absl::StatusCode::kInternal;
  }
}

// What a caller is told: one plain sentence per kind of failure.
absl::string_view PlainMessage(absl::StatusCode code, int error) {
  switch (code) {
    case absl::StatusCode::kUnavailable:
      return kDatabaseUnavailableMessage;
    case absl::StatusCode::kAborted:
      return "the change conflicted with a concurrent one: retry";
    case absl::StatusCode::kDeadlineExceeded:
      return "the database did not finish before the call's deadline";
    case absl::StatusCode::kAlreadyExists:
      return "conflicts with an existing record";
    case absl::StatusCode::kFailedPrecondition:
      return error == mysql_errno::kRowIsReferenced
                 ? "other records still refer to this one"
                 : "refers to a record that does not exist";
    default:
      return "the database could not complete the request";
  }
}

std::string SafeMessage(const sql::SQLException& e) {
  // The client library's own messages never quote user data.
  if (IsClientError(e)) return e.what();
  if (e.getErrorCode() == mysql_errno::kDuplicateKey) {
    auto key = DuplicateKeyName(e);
    return absl::StrCat("duplicate entry '?' for key '", key.value_or("?"),
                        "'");
  }
  return RedactLiterals(e.what());
}

}  // namespace

absl::Status SqlErrorToStatus(const sql::SQLException& e) {
  const absl::StatusCode code = CodeFor(e);
  absl::Status status = WithInternalDetail(
      absl::Status(code, PlainMessage(code, e.getErrorCode())),
      absl::StrCat("MySQL error ", e.getErrorCode(), " (SQLSTATE ",
                   e.getSQLState(), "): ", SafeMessage(e)));
  status.SetPayload(kMysqlErrnoPayload,
                    absl::Cord(absl::StrCat(e.getErrorCode())));
  return status;
}

absl::Status DatabaseUnavailableError(absl::string_view detail) {
  return WithInternalDetail(absl::UnavailableError(kDatabaseUnavailableMessage),
                            detail);
}

bool IsClientError(const sql::SQLException& e) {
  return e.getErrorCode() >= 2000 && e.getErrorCode() <= 2999;
}

bool IsConnectionLost(const sql::SQLException& e) {
  switch (e.getErrorCode()) {
    case mysql_errno::kServerShutdown:
    case mysql_errno::kConnectionKilled:
    case mysql_errno::kSessionKilled:
    case mysql_errno::kClientInactivityTimeout:
      return true;
    default:
      return IsClientError(e);
  }
}

bool IsRetryable(const sql::SQLException& e) {
  return e.getErrorCode() == mysql_errno::kDeadlock ||
         e.getErrorCode() == mysql_errno::kLockWaitTimeout;
}

bool IsRetryable(const absl::Status& status) {
  const std::optional<int> code = MysqlErrno(status);
  return code == mysql_errno::kDeadlock ||
         code == mysql_errno::kLockWaitTimeout;
}

std::optional<int> MysqlErrno(const absl::Status& status) {
  const auto payload = status.GetPayload(kMysqlErrnoPayload);
  int code = 0;
  if (!payload.has_value() || !absl::SimpleAtoi(std::string(*payload), &code)) {
    return std::nullopt;
  }
  return code;
}

std::optional<std::string> DuplicateKeyName(const sql::SQLException& e) {
  if (e.getErrorCode() != mysql_errno::kDuplicateKey) return std::nullopt;
  // "Duplicate entry '<value>' for key '<key>'"; MySQL 8 writes
  // '<table>.<key>'. The value may itself contain quotes, so search from the
  // end.
  absl::string_view message = e.what();
  constexpr absl::string_view kMarker = " for key '";
  const size_t at = message.rfind(kMarker);
  if (at == absl::string_view::npos) return std::nullopt;
  absl::string_view key = message.substr(at + kMarker.size());
  if (!absl::ConsumeSuffix(&key, "'")) return std::nullopt;
  if (const size_t dot = key.rfind('.'); dot != absl::string_view::npos) {
    key.remove_prefix(dot + 1);
  }
  return std::string(key);
}

std::string RedactLiterals(absl::string_view message) {
  // Quotes inside a value are not escaped in server messages, so everything
  // from the first quote to the last quote of that kind goes: it may hide an
  // identifier too, but never leaks part of a value.
  const size_t first = message.find_first_of("'\"");
  if (first == absl::string_view::npos) return std::string(message);
  const size_t last = message.rfind(message[first]);
  std::string out(message.substr(0, first));
  out += "'?'";
  if (last > first) out += RedactLiterals(message.substr(last + 1));
  return out;
}

}  // namespace corebalance::store
