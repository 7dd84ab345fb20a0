// Every service's migrations, stopped after each of their steps (the worst
// moment: the step ran, its record did not commit) and run again, leave the
// same database as a clean run.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "services/access/migrations.h"
#include "services/intake/migrations.h"
#include "services/prescription/migrations.h"
#include "services/progress/migrations.h"
#include "services/store/migrations.h"
#include "services/store/pool.h"
#include "tests/integration/store/schema_snapshot.h"
#include "tests/support/test_database.h"

namespace corebalance::store_test {
namespace {

using MigrationsOf = std::vector<store::Migration> (*)();

struct Component {
  const char* name;
  MigrationsOf migrations;
};

class ResumeMigrationsTest : public ::testing::TestWithParam<Component> {};

std::string CleanMigration(const std::vector<store::Migration>& migrations) {
  test::TestDatabase db;
  store::Pool pool(db.config());
  const absl::Status status = store::Migrate(pool, migrations);
  EXPECT_TRUE(status.ok()) << status;
  return SchemaSnapshot(pool);
}

TEST_P(ResumeMigrationsTest, StoppedAfterAnyStepTheRerunEqualsACleanRun) {
  const std::vector<store::Migration> migrations = GetParam().migrations();
  const std::string clean = CleanMigration(migrations);
  ASSERT_NE(clean.find("applied "), std::string::npos);

  int stops = 0;
  for (int stop_at = 0;; ++stop_at) {
    test::TestDatabase db;
    store::Pool pool(db.config());
    int calls = 0;
    std::string stopped_where;
    store::MigrateOptions stopping;
    stopping.interrupt = [&](const store::Migration& m, size_t step) {
      if (calls++ != stop_at) return absl::OkStatus();
      stopped_where = m.name + " step " + std::to_string(step);
      return absl::AbortedError("stopped");
    };
    const absl::Status first = store::Migrate(pool, migrations, stopping);
    if (first.ok()) break;  // past the last step: every stop point was tried
    ASSERT_EQ(first.code(), absl::StatusCode::kAborted) << first;
    ++stops;

    const absl::Status rerun = store::Migrate(pool, migrations);
    ASSERT_TRUE(rerun.ok()) << "stopped at " << stopped_where << ": " << rerun;
    EXPECT_EQ(SchemaSnapshot(pool), clean) << "stopped at " << stopped_where;
  }
  // At least one stop per migration (its record) plus one per statement.
  EXPECT_GT(stops, static_cast<int>(migrations.size()));
}

INSTANTIATE_TEST_SUITE_P(
    EveryService, ResumeMigrationsTest,
    ::testing::Values(Component{"access", access::Migrations},
                      Component{"intake", intake::Migrations},
                      Component{"prescription", prescription::Migrations},
                      Component{"progress", progress::Migrations}),
    [](const ::testing::TestParamInfo<Component>& info) {
      return std::string(info.param.name);
    });

}  // namespace
}  // namespace corebalance::store_test
