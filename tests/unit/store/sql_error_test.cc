#include "services/store/sql_error.h"

#include <cppconn/exception.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::store {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

sql::SQLException Error(int code, const std::string& message,
                        const std::string& state = "HY000") {
  return sql::SQLException(message, state, code);
}

// The message reaches callers: a plain sentence, no database text. The
// server's (redacted) text is the internal detail, for logs.
TEST(SqlErrorToStatus, DuplicateKeyIsAlreadyExistsAndHidesTheValue) {
  const auto e = Error(1062,
                       "Duplicate entry 'jane.doe@example.com' for key "
                       "'uq_patients_email'",
                       "23000");
  const absl::Status status = SqlErrorToStatus(e);
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(status.message(), "conflicts with an existing record");
  const std::string detail = InternalDetail(status);
  EXPECT_THAT(detail, HasSubstr("uq_patients_email"));
  EXPECT_THAT(detail, HasSubstr("MySQL error 1062 (SQLSTATE 23000)"));
  EXPECT_THAT(detail, Not(HasSubstr("jane.doe")));
  EXPECT_EQ(DuplicateKeyName(e), "uq_patients_email");
}

TEST(SqlErrorToStatus, DuplicateKeyNameReadsMysql8Form) {
  // MySQL 8 prefixes the table; the value itself contains quotes.
  const auto e = Error(
      1062, "Duplicate entry 'O'Brien' for key 'patients.uq_name'", "23000");
  EXPECT_EQ(DuplicateKeyName(e), "uq_name");
  EXPECT_THAT(InternalDetail(SqlErrorToStatus(e)), Not(HasSubstr("Brien")));
}

TEST(SqlErrorToStatus, DeadlockAndLockWaitTimeoutAreRetryableAborts) {
  for (int code : {1213, 1205}) {
    const auto e = Error(code, "Deadlock found when trying to get lock");
    EXPECT_EQ(SqlErrorToStatus(e).code(), absl::StatusCode::kAborted) << code;
    EXPECT_EQ(SqlErrorToStatus(e).message(),
              "the change conflicted with a concurrent one: retry");
    EXPECT_TRUE(IsRetryable(e)) << code;
    EXPECT_TRUE(IsRetryable(SqlErrorToStatus(e))) << code;
    EXPECT_FALSE(IsConnectionLost(e)) << code;
  }
  EXPECT_FALSE(IsRetryable(Error(1062, "Duplicate entry")));
  EXPECT_FALSE(IsRetryable(absl::AbortedError("etag mismatch")));
}

TEST(SqlErrorToStatus, ClientErrorsAreUnavailableAndDropTheConnection) {
  for (int code : {2002, 2003, 2006, 2013}) {
    const auto e = Error(code, "Can't connect to MySQL server on '127.0.0.1'");
    const absl::Status status = SqlErrorToStatus(e);
    EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable) << code;
    // Where the server is stays in the detail.
    EXPECT_EQ(status.message(),
              "the database is unavailable: try again shortly");
    EXPECT_THAT(InternalDetail(status), HasSubstr("127.0.0.1")) << code;
    EXPECT_TRUE(IsClientError(e)) << code;
    EXPECT_TRUE(IsConnectionLost(e)) << code;
  }
}

TEST(SqlErrorToStatus, ServerShutdownDropsTheConnectionButIsNoClientError) {
  const auto e = Error(1053, "Server shutdown in progress");
  EXPECT_EQ(SqlErrorToStatus(e).code(), absl::StatusCode::kUnavailable);
  EXPECT_FALSE(IsClientError(e));
  EXPECT_TRUE(IsConnectionLost(e));
}

TEST(SqlErrorToStatus, ForeignKeyViolationsAreFailedPrecondition) {
  for (int code : {1451, 1452}) {
    const absl::Status status =
        SqlErrorToStatus(Error(code, "a foreign key constraint fails"));
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << code;
    EXPECT_THAT(status.message(), Not(HasSubstr("foreign key"))) << code;
  }
}

TEST(SqlErrorToStatus, OtherServerErrorsAreInternalWithValuesRedacted) {
  const absl::Status status = SqlErrorToStatus(
      Error(1366,
            "Incorrect integer value: 'Jane Doe' for column `db`.`t`.`age` "
            "at row 1",
            "22007"));
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(status.message(), "the database could not complete the request");
  EXPECT_THAT(InternalDetail(status), Not(HasSubstr("Jane")));
  EXPECT_THAT(InternalDetail(status), HasSubstr("`age`"));
  EXPECT_EQ(MysqlErrno(status), 1366);
}

TEST(SqlErrorToStatus, NoMessageHoldsDatabaseText) {
  for (int code : {1053, 1062, 1146, 1205, 1213, 1366, 1451, 1452, 2003}) {
    const absl::Status status = SqlErrorToStatus(
        Error(code, "Table 'db.t' doesn't exist on 127.0.0.1", "42S02"));
    for (const char* text :
         {"MySQL", "SQLSTATE", "42S02", "127.0.0.1", "db.t", "`", "'"}) {
      EXPECT_THAT(status.message(), Not(HasSubstr(text))) << code;
    }
    EXPECT_THAT(InternalDetail(status), HasSubstr("SQLSTATE 42S02")) << code;
  }
}

TEST(DatabaseUnavailableError, IsPlainWithTheDetailKept) {
  const absl::Status status =
      DatabaseUnavailableError("cannot open a connection to db.internal:3306");
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(status.message(), "the database is unavailable: try again shortly");
  EXPECT_EQ(InternalDetail(status),
            "cannot open a connection to db.internal:3306");
  EXPECT_EQ(MysqlErrno(status), std::nullopt);
}

TEST(InternalDetail, EmptyOnOtherStatuses) {
  EXPECT_EQ(InternalDetail(absl::InternalError("boom")), "");
  EXPECT_EQ(InternalDetail(absl::OkStatus()), "");
  EXPECT_EQ(InternalDetail(WithInternalDetail(absl::OkStatus(), "x")), "");
}

TEST(MysqlErrno, AbsentOnOtherStatuses) {
  EXPECT_EQ(MysqlErrno(absl::InternalError("boom")), std::nullopt);
  EXPECT_EQ(MysqlErrno(absl::OkStatus()), std::nullopt);
}

TEST(RedactLiterals, ReplacesSingleAndDoubleQuotedText) {
  EXPECT_EQ(RedactLiterals("value 'a' and \"b\" end"), "value '?' and '?' end");
  EXPECT_EQ(RedactLiterals("no quotes here"), "no quotes here");
  EXPECT_EQ(RedactLiterals("unterminated 'secret"), "unterminated '?'");
}

}  // namespace
}  // namespace corebalance::store
