#include "services/store/migrations.h"

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/store/migration_steps.h"
#include "services/store/run.h"
#include "services/store/sql_error.h"
#include "services/store/sql_script.h"

namespace corebalance::store {
namespace {

using Key = std::pair<std::string, int>;  // (component, version)

constexpr char kCreateTable[] = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  component VARCHAR(64) NOT NULL,
  version INT NOT NULL,
  name VARCHAR(255) NOT NULL,
  applied_at DATETIME(6) NOT NULL,
  PRIMARY KEY (component, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)sql";

std::string Describe(const Migration& m) {
  return absl::StrCat(m.component, "/", m.version, " (", m.name, ")");
}

// In (component, version) order; INVALID_ARGUMENT on bad input.
absl::StatusOr<std::vector<const Migration*>> Sorted(
    const std::vector<Migration>& migrations) {
  std::vector<const Migration*> sorted;
  for (const Migration& m : migrations) {
    if (m.component.empty() || m.component.size() > 64) {
      return absl::InvalidArgumentError(absl::StrCat(
          "migration ", Describe(m), ": component must be 1-64 characters"));
    }
    sorted.push_back(&m);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const Migration* a, const Migration* b) {
              return std::tie(a->component, a->version) <
                     std::tie(b->component, b->version);
            });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i - 1]->component == sorted[i]->component &&
        sorted[i - 1]->version == sorted[i]->version) {
      return absl::InvalidArgumentError(absl::StrCat(
          "two migrations share a version: ", Describe(*sorted[i - 1]), " and ",
          Describe(*sorted[i])));
    }
  }
  return sorted;
}

std::set<Key> AppliedMigrations(Connection& c) {
  std::set<Key> applied;
  std::unique_ptr<sql::ResultSet> rows =
      c.Query("SELECT component, version FROM schema_migrations");
  while (rows->next()) {
    applied.emplace(std::string(rows->getString(1)), rows->getInt(2));
  }
  return applied;
}

std::string LockName(const MysqlConfig& config) {
  // Lock names are at most 64 characters.
  return absl::StrCat("corebalance.migrate.", config.database).substr(0, 64);
}

absl::Status TakeLock(Connection& c, const std::string& name,
                      absl::Duration timeout) {
  sql::PreparedStatement& get = c.Prepare("SELECT GET_LOCK(?, ?)");
  get.setString(1, name);
  get.setInt(2, static_cast<int>(absl::ToInt64Seconds(timeout)));
  std::unique_ptr<sql::ResultSet> rows(get.executeQuery());
  if (!rows->next() || rows->isNull(1)) {
    return absl::InternalError("GET_LOCK for migrations failed");
  }
  if (rows->getInt(1) != 1) {
    return absl::DeadlineExceededError(
        absl::StrCat("another process kept the migration lock '", name,
                     "' for ", absl::FormatDuration(timeout)));
  }
  return absl::OkStatus();
}

void ReleaseLock(Connection& c, const std::string& name) {
  sql::PreparedStatement& release = c.Prepare("SELECT RELEASE_LOCK(?)");
  release.setString(1, name);
  std::unique_ptr<sql::ResultSet> rows(release.executeQuery());
}

// Each step's progress, for a migration not yet recorded: a DDL step that
// began has a row with done = FALSE until it is known to have run.
constexpr char kCreateStepsTable[] = R"sql(
CREATE TABLE IF NOT EXISTS schema_migration_steps (
  component VARCHAR(64) NOT NULL,
  version INT NOT NULL,
  step INT NOT NULL,
  done BOOLEAN NOT NULL,
  PRIMARY KEY (component, version, step)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)sql";

// step -> done, for the steps of `m` a previous run began.
std::map<int, bool> StepsBegun(Connection& c, const Migration& m) {
  sql::PreparedStatement& select = c.Prepare(
      "SELECT step, done FROM schema_migration_steps"
      " WHERE component = ? AND version = ?");
  select.setString(1, m.component);
  select.setInt(2, m.version);
  std::unique_ptr<sql::ResultSet> rows(select.executeQuery());
  std::map<int, bool> begun;
  while (rows->next()) begun[rows->getInt(1)] = rows->getBoolean(2);
  return begun;
}

void RecordStep(Connection& c, const Migration& m, int step, bool done) {
  sql::PreparedStatement& record = c.Prepare(
      "INSERT INTO schema_migration_steps (component, version, step, done)"
      " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE done = ?");
  record.setString(1, m.component);
  record.setInt(2, m.version);
  record.setInt(3, step);
  record.setBoolean(4, done);
  record.setBoolean(5, done);
  record.executeUpdate();
}

// Forgets the recorded steps of `m` numbered `from_step` and later.
void ForgetSteps(Connection& c, const Migration& m, int from_step = 0) {
  sql::PreparedStatement& forget = c.Prepare(
      "DELETE FROM schema_migration_steps"
      " WHERE component = ? AND version = ? AND step >= ?");
  forget.setString(1, m.component);
  forget.setInt(2, m.version);
  forget.setInt(3, from_step);
  forget.executeUpdate();
}

// The migration as applied, in one transaction; its steps are forgotten.
void RecordMigration(Connection& c, const Migration& m) {
  c.Execute("START TRANSACTION");
  sql::PreparedStatement& record = c.Prepare(
      "INSERT INTO schema_migrations (component, version, name, applied_at) "
      "VALUES (?, ?, ?, UTC_TIMESTAMP(6))");
  record.setString(1, m.component);
  record.setInt(2, m.version);
  record.setString(3, m.name);
  record.executeUpdate();
  ForgetSteps(c, m);
  c.Execute("COMMIT");
}

// Runs a DDL step. A step that began before (the process stopped after it
// ran or while it ran) and now finds its work already there is done. One
// that fails for its own reason did nothing (DDL is atomic): it is not
// marked as begun, so the rerun does not take its error for a resumption.
void RunDdlStep(Connection& c, const Migration& m, int step,
                const std::string& statement, bool began) {
  RecordStep(c, m, step, /*done=*/false);
  try {
    c.Execute(statement);
  } catch (const sql::SQLException& e) {
    if (began && IsAlreadyAppliedError(e.getErrorCode())) return;
    if (!IsConnectionLost(e)) ForgetSteps(c, m, step);
    throw;
  }
}

absl::Status MigrationError(const Migration& m, const std::string& where,
                            const absl::Status& cause) {
  // For the operator running the migration (CLI stderr): the server's own
  // (redacted) text, not the plain sentence a caller would get.
  absl::Status status(cause.code(),
                      absl::StrCat("migration ", Describe(m), " failed at ",
                                   where, ": ", InternalDetail(cause)));
  cause.ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
    if (url != kInternalDetailUrl) status.SetPayload(url, payload);
  });
  return status;
}

// Runs the steps of one migration not yet done, each recorded as it
// completes, then records the migration. Rerun after a failure or a crash,
// it resumes at the first step not done.
absl::Status Apply(Connection& c, const Migration& m,
                   const MigrateOptions& options) {
  const std::vector<std::string> statements = SplitSqlStatements(m.sql);
  const std::vector<MigrationStep> steps = StepsOf(statements);
  size_t index = 0;
  bool in_transaction = false;
  try {
    const std::map<int, bool> begun = StepsBegun(c, m);
    for (size_t s = 0; s < steps.size(); ++s) {
      const MigrationStep& step = steps[s];
      const int number = static_cast<int>(s);
      index = step.first;
      const auto found = begun.find(number);
      if (found != begun.end() && found->second) continue;
      if (step.ddl) {
        RunDdlStep(c, m, number, statements[index], found != begun.end());
      } else {
        c.Execute("START TRANSACTION");
        in_transaction = true;
        for (; index < step.first + step.count; ++index) {
          c.Execute(statements[index]);
        }
        index = step.first + step.count - 1;
      }
      if (options.interrupt) {
        if (absl::Status stop = options.interrupt(m, s); !stop.ok()) {
          if (in_transaction) c.Execute("ROLLBACK");
          return stop;
        }
      }
      RecordStep(c, m, number, /*done=*/true);
      if (in_transaction) c.Execute("COMMIT");
      in_transaction = false;
    }
    index = statements.size();
    if (options.interrupt) {
      if (absl::Status stop = options.interrupt(m, steps.size()); !stop.ok()) {
        return stop;
      }
    }
    RecordMigration(c, m);
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (!IsConnectionLost(e)) c.Execute("ROLLBACK");
    return MigrationError(
        m,
        index < statements.size()
            ? absl::StrCat("statement ", index + 1, " of ", statements.size())
            : std::string("recording it"),
        SqlErrorToStatus(e));
  }
}

}  // namespace

absl::Status Migrate(Pool& pool, const std::vector<Migration>& migrations,
                     const MigrateOptions& options) {
  auto sorted = Sorted(migrations);
  if (!sorted.ok()) return sorted.status();
  if (pool.config().database.empty()) {
    return absl::FailedPreconditionError(
        "cannot migrate: the database URL names no database");
  }
  const std::string lock = LockName(pool.config());
  const absl::Duration lock_timeout =
      std::max(std::min(options.lock_timeout,
                        pool.config().io_timeout - absl::Seconds(1)),
               absl::Seconds(1));

  return WithConnection(
      pool, absl::InfiniteFuture(), [&](Connection& c) -> absl::Status {
        if (absl::Status locked = TakeLock(c, lock, lock_timeout);
            !locked.ok()) {
          return locked;
        }
        absl::Status result = absl::OkStatus();
        try {
          c.Execute(kCreateTable);
          c.Execute(kCreateStepsTable);
          const std::set<Key> applied = AppliedMigrations(c);
          for (const Migration* m : *sorted) {
            if (applied.count({m->component, m->version}) > 0) continue;
            result = Apply(c, *m, options);
            if (!result.ok()) break;
            if (options.on_applied) options.on_applied(*m);
          }
        } catch (const sql::SQLException& e) {
          if (IsConnectionLost(e)) throw;  // the server dropped the lock
          ReleaseLock(c, lock);
          throw;
        }
        ReleaseLock(c, lock);
        return result;
      });
}

absl::Status CheckSchema(Pool& pool, const std::vector<Migration>& migrations) {
  auto sorted = Sorted(migrations);
  if (!sorted.ok()) return sorted.status();
  return WithConnection(
      pool, absl::InfiniteFuture(), [&](Connection& c) -> absl::Status {
        std::set<Key> applied;
        try {
          applied = AppliedMigrations(c);
        } catch (const sql::SQLException& e) {
          if (e.getErrorCode() != mysql_errno::kNoSuchTable) throw;
        }
        for (const Migration* m : *sorted) {
          if (applied.count({m->component, m->version}) == 0) {
            return absl::FailedPreconditionError(
                absl::StrCat("database schema not ready: migration ",
                             Describe(*m), " is not applied"));
          }
        }
        return absl::OkStatus();
      });
}

}  // namespace corebalance::store
