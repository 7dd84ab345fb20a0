#include "services/store/migrations.h"

#include <cppconn/resultset.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/store/pool.h"
#include "tests/integration/store/query_helpers.h"
#include "tests/integration/store/test_migrations.h"
#include "tests/support/test_database.h"

namespace corebalance::store_test {
namespace {

using store::Migration;
using store::Pool;
using ::testing::HasSubstr;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(MigrationsCMake, EmbedsEverySqlFileVerbatimInVersionOrder) {
  const std::vector<Migration> migrations = TestMigrations();
  ASSERT_EQ(migrations.size(), 2u);
  EXPECT_EQ(migrations[0].component, "storetest");
  EXPECT_EQ(migrations[0].version, 1);
  EXPECT_EQ(migrations[0].name, "create_widgets");
  EXPECT_EQ(migrations[0].sql,
            ReadFile(STORE_TEST_MIGRATIONS_DIR "/0001_create_widgets.sql"));
  EXPECT_EQ(migrations[1].version, 2);
  EXPECT_EQ(migrations[1].name, "seed_widgets");
  EXPECT_EQ(migrations[1].sql,
            ReadFile(STORE_TEST_MIGRATIONS_DIR "/0002_seed_widgets.sql"));
}

class MigrationsTest : public ::testing::Test {
 protected:
  MigrationsTest() : pool_(db_.config()) {}

  int64_t Rows(const std::string& table) {
    return QueryInt(pool_, "SELECT COUNT(*) FROM " + table).value();
  }

  test::TestDatabase db_;
  Pool pool_;
};

TEST_F(MigrationsTest, CheckSchemaNamesTheFirstMissingMigration) {
  const absl::Status before = store::CheckSchema(pool_, TestMigrations());
  EXPECT_EQ(before.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(before.message(), HasSubstr("storetest/1 (create_widgets)"));

  std::vector<Migration> only_first = TestMigrations();
  only_first.pop_back();
  ASSERT_TRUE(store::Migrate(pool_, only_first).ok());
  const absl::Status halfway = store::CheckSchema(pool_, TestMigrations());
  EXPECT_EQ(halfway.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(halfway.message(), HasSubstr("storetest/2 (seed_widgets)"));

  ASSERT_TRUE(store::Migrate(pool_, TestMigrations()).ok());
  EXPECT_TRUE(store::CheckSchema(pool_, TestMigrations()).ok());
}

TEST_F(MigrationsTest, AppliesEveryStatementAndRecordsEachMigration) {
  std::vector<std::string> applied;
  store::MigrateOptions options;
  options.on_applied = [&](const Migration& m) { applied.push_back(m.name); };
  ASSERT_TRUE(store::Migrate(pool_, TestMigrations(), options).ok());

  EXPECT_THAT(applied,
              ::testing::ElementsAre("create_widgets", "seed_widgets"));
  EXPECT_EQ(Rows("widgets"), 3);
  EXPECT_EQ(Rows("widget_notes"), 0);
  EXPECT_EQ(
      QueryInt(pool_,
               "SELECT COUNT(*) FROM widgets WHERE label = 'back\\\\slash "
               "\"quoted\"'")
          .value(),
      1);
  EXPECT_EQ(QueryInt(pool_,
                     "SELECT COUNT(*) FROM schema_migrations WHERE component = "
                     "'storetest' AND applied_at <= UTC_TIMESTAMP(6)")
                .value(),
            2);
}

TEST_F(MigrationsTest, RunningAgainChangesNothing) {
  ASSERT_TRUE(store::Migrate(pool_, TestMigrations()).ok());
  const int64_t stamp =
      QueryInt(pool_,
               "SELECT SUM(UNIX_TIMESTAMP(applied_at) * 1000000)"
               " FROM schema_migrations")
          .value();
  int reapplied = 0;
  store::MigrateOptions options;
  options.on_applied = [&](const Migration&) { ++reapplied; };
  ASSERT_TRUE(store::Migrate(pool_, TestMigrations(), options).ok());

  EXPECT_EQ(reapplied, 0);
  EXPECT_EQ(Rows("widgets"), 3);
  EXPECT_EQ(Rows("schema_migrations"), 2);
  EXPECT_EQ(QueryInt(pool_,
                     "SELECT SUM(UNIX_TIMESTAMP(applied_at) * 1000000)"
                     " FROM schema_migrations")
                .value(),
            stamp);
}

TEST_F(MigrationsTest, TwoReplicasMigratingAtOnceApplyEachMigrationOnce) {
  std::atomic<int> applied{0};
  store::MigrateOptions options;
  options.on_applied = [&](const Migration&) { ++applied; };
  absl::Status first, second;
  std::thread a([&] {
    Pool pool(db_.config());
    first = store::Migrate(pool, TestMigrations(), options);
  });
  std::thread b([&] {
    Pool pool(db_.config());
    second = store::Migrate(pool, TestMigrations(), options);
  });
  a.join();
  b.join();

  EXPECT_TRUE(first.ok()) << first;
  EXPECT_TRUE(second.ok()) << second;
  EXPECT_EQ(applied.load(), 2);
  EXPECT_EQ(Rows("schema_migrations"), 2);
  EXPECT_EQ(Rows("widgets"), 3);  // the seed ran once
}

TEST_F(MigrationsTest, AFailingMigrationIsNamedNotRecordedAndStopsTheRun) {
  std::vector<Migration> migrations = TestMigrations();
  migrations.insert(migrations.begin() + 1,
                    Migration{"storetest", 2, "broken",
                              "INSERT INTO widgets (label) VALUES ('kept?');\n"
                              "INSERT INTO no_such_table VALUES (1);\n"});
  migrations.back().version = 3;

  const absl::Status status = store::Migrate(pool_, migrations);
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("storetest/2 (broken)"));
  EXPECT_THAT(status.message(), HasSubstr("statement 2 of 2"));
  // For the operator: the server's own (redacted) words, not a caller's
  // plain sentence.
  EXPECT_THAT(status.message(), HasSubstr("MySQL error 1146"));
  EXPECT_EQ(Rows("schema_migrations"), 1);  // only 0001
  EXPECT_EQ(Rows("widgets"), 0);  // the data statement was rolled back
}

TEST_F(MigrationsTest, AStatementThatRanButWasNotRecordedIsNotRunTwice) {
  // Stopped right after CREATE TABLE widgets ran (it committed on its own).
  store::MigrateOptions stopping;
  stopping.interrupt = [](const Migration& m, size_t step) {
    return m.version == 1 && step == 0 ? absl::AbortedError("stopped")
                                       : absl::OkStatus();
  };
  ASSERT_EQ(store::Migrate(pool_, TestMigrations(), stopping).code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(Rows("widgets"), 0);  // the table is there, unrecorded
  EXPECT_EQ(Rows("schema_migrations"), 0);

  const absl::Status rerun = store::Migrate(pool_, TestMigrations());
  ASSERT_TRUE(rerun.ok()) << rerun;
  EXPECT_EQ(Rows("widgets"), 3);
  EXPECT_EQ(Rows("schema_migrations"), 2);
  EXPECT_EQ(Rows("schema_migration_steps"), 0);  // forgotten once recorded
}

TEST_F(MigrationsTest, AStoppedDataStepIsRolledBackAndRunOnceOnTheRerun) {
  store::MigrateOptions stopping;
  stopping.interrupt = [](const Migration& m, size_t step) {
    return m.version == 2 && step == 0 ? absl::AbortedError("stopped")
                                       : absl::OkStatus();
  };
  ASSERT_EQ(store::Migrate(pool_, TestMigrations(), stopping).code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(Rows("widgets"), 0);  // both INSERTs rolled back together

  ASSERT_TRUE(store::Migrate(pool_, TestMigrations()).ok());
  EXPECT_EQ(Rows("widgets"), 3);
}

TEST_F(MigrationsTest, ADdlStatementThatFailsForItsOwnReasonIsStillAnError) {
  // The table exists but no earlier run began this step: not resumed over.
  ASSERT_TRUE(Exec(pool_, "CREATE TABLE widgets (id INT)").ok());
  const absl::Status status = store::Migrate(pool_, TestMigrations());
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("storetest/1 (create_widgets)"));
  EXPECT_THAT(status.message(), HasSubstr("statement 1 of 2"));
  // Nor on the next run: the failure left no sign of a step begun.
  EXPECT_FALSE(store::Migrate(pool_, TestMigrations()).ok());
  EXPECT_EQ(Rows("schema_migrations"), 0);
}

TEST_F(MigrationsTest, RejectsTwoMigrationsWithTheSameVersion) {
  std::vector<Migration> migrations = TestMigrations();
  migrations.push_back(migrations.front());
  EXPECT_EQ(store::Migrate(pool_, migrations).code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace corebalance::store_test
