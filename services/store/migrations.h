#ifndef COREBALANCE_SERVICES_STORE_MIGRATIONS_H_
#define COREBALANCE_SERVICES_STORE_MIGRATIONS_H_

// Schema migrations: numbered SQL files per component, compiled into the
// binary by cmake/Migrations.cmake, applied once each and recorded in
// schema_migrations(component, version, name, applied_at).

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "services/store/pool.h"

namespace corebalance::store {

struct Migration {
  std::string component;  // "access", "intake"...
  int version = 0;        // from the file name NNNN_description.sql
  std::string name;       // "description"
  std::string sql;        // statements, each ending with ';' at line end
};

struct MigrateOptions {
  // How long to wait for another process that is migrating the same
  // database. Capped below the connection's io_timeout.
  absl::Duration lock_timeout = absl::Seconds(20);
  // Called after each migration is applied (e.g. to log it).
  std::function<void(const Migration&)> on_applied;
  // For tests: called after each step of a migration ran and before it is
  // recorded (`step` == the number of steps: before the migration itself is
  // recorded). An error stops the run there, as a crash would: a data
  // step's transaction is rolled back, a DDL statement stays applied.
  std::function<absl::Status(const Migration&, size_t step)> interrupt;
};

// Applies each migration not yet recorded, in (component, version) order.
// Serialised across processes with GET_LOCK on a name derived from the
// database ("corebalance.migrate.<database>"), so replicas starting together
// are safe; the second finds everything applied. Idempotent.
//
// Resumable: a migration runs in steps (services/store/migration_steps.h),
// each DDL statement on its own, consecutive data statements in one
// transaction, and each step is recorded in schema_migration_steps as it
// completes. A run stopped anywhere (an error, a crash, a kill) resumes at
// the first step not recorded; a DDL statement that ran but was not recorded
// is recognised by its "already exists" error. The error of a failed step
// names the migration and statement.
//
// INVALID_ARGUMENT for duplicate (component, version) or an empty component;
// FAILED_PRECONDITION when the pool has no database; DEADLINE_EXCEEDED when
// the lock is not free within lock_timeout; the SQL error's status otherwise.
absl::Status Migrate(Pool& pool, const std::vector<Migration>& migrations,
                     const MigrateOptions& options = MigrateOptions());

// OK when every given migration is recorded as applied; FAILED_PRECONDITION
// naming the first missing one otherwise (servers poll this to wait for the
// schema instead of crashing); UNAVAILABLE when the database is down.
absl::Status CheckSchema(Pool& pool, const std::vector<Migration>& migrations);

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_MIGRATIONS_H_
