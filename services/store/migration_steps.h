#ifndef COREBALANCE_SERVICES_STORE_MIGRATION_STEPS_H_
#define COREBALANCE_SERVICES_STORE_MIGRATION_STEPS_H_

// How a migration's statements are grouped into resumable steps. DDL
// commits implicitly in MySQL and MariaDB, so each DDL statement is a step
// of its own, recorded once it ran; consecutive data statements form one
// step that runs in one transaction with its record.

#include <cstddef>
#include <string>
#include <vector>

namespace corebalance::store {

struct MigrationStep {
  size_t first = 0;  // index of its first statement
  size_t count = 0;  // statements in it
  bool ddl = false;  // one DDL statement (commits on its own)
};

// True for CREATE, ALTER, DROP, RENAME and TRUNCATE statements.
bool IsDdlStatement(const std::string& statement);

std::vector<MigrationStep> StepsOf(const std::vector<std::string>& statements);

// True when a DDL statement failed because what it makes is already there
// (table, column, index, constraint) or what it drops is already gone: the
// sign that the statement ran before the process stopped, unrecorded.
bool IsAlreadyAppliedError(int mysql_errno);

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_MIGRATION_STEPS_H_
