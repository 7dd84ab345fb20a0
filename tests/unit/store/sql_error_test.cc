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

TEST(SqlErrorToStatus, DuplicateKeyIsAlreadyExistsAndHidesTheValue) {
  const auto e = Error(1062,
                       "Duplicate entry 'jane.doe@example.com' for key "
                       "'uq_patients_email'",
                       "23000");
  const absl::Status status = SqlErrorToStatus(e);
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(status.message(), HasSubstr("uq_patients_email"));
  EXPECT_THAT(status.message(), HasSubstr("1062"));
  EXPECT_THAT(status.message(), Not(HasSubstr("jane.doe")));
  EXPECT_EQ(DuplicateKeyName(e), "uq_patients_email");
}

TEST(SqlErrorToStatus, DuplicateKeyNameReadsMysql8Form) {
  // MySQL 8 prefixes the table; the value itself contains quotes.
  const auto e = Error(
      1062, "Duplicate entry 'O'Brien' for key 'patients.uq_name'", "23000");
  EXPECT_EQ(DuplicateKeyName(e), "uq_name");
  EXPECT_THAT(SqlErrorToStatus(e).message(), Not(HasSubstr("Brien")));
}

TEST(SqlErrorToStatus, DeadlockAndLockWaitTimeoutAreRetryableAborts) {
  for (int code : {1213, 1205}) {
    const auto e = Error(code, "Deadlock found when trying to get lock");
    EXPECT_EQ(SqlErrorToStatus(e).code(), absl::StatusCode::kAborted) << code;
    EXPECT_TRUE(IsRetryable(e)) << code;
    EXPECT_TRUE(IsRetryable(SqlErrorToStatus(e))) << code;
    EXPECT_FALSE(IsConnectionLost(e)) << code;
  }
  EXPECT_FALSE(IsRetryable(Error(1062, "Duplicate entry")));
  EXPECT_FALSE(IsRetryable(absl::AbortedError("etag mismatch")));
}

TEST(SqlErrorToStatus, ClientErrorsAreUnavailableAndDropTheConnection) {
  for (int code : {2002, 2003, 2006, 2013}) {
    const auto e = Error(code, "MySQL server has gone away");
    EXPECT_EQ(SqlErrorToStatus(e).code(), absl::StatusCode::kUnavailable)
        << code;
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
    EXPECT_EQ(
        SqlErrorToStatus(Error(code, "a foreign key constraint fails")).code(),
        absl::StatusCode::kFailedPrecondition)
        << code;
  }
}

TEST(SqlErrorToStatus, OtherServerErrorsAreInternalWithValuesRedacted) {
  const absl::Status status = SqlErrorToStatus(
      Error(1366,
            "Incorrect integer value: 'Jane Doe' for column `db`.`t`.`age` "
            "at row 1",
            "22007"));
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(status.message(), Not(HasSubstr("Jane")));
  EXPECT_THAT(status.message(), HasSubstr("`age`"));
  EXPECT_EQ(MysqlErrno(status), 1366);
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
