#include "services/store/migration_steps.h"

#include "gtest/gtest.h"

namespace corebalance::store {
namespace {

TEST(MigrationSteps, EachDdlStatementAloneAndConsecutiveDataTogether) {
  const std::vector<MigrationStep> steps = StepsOf({
      "CREATE TABLE a (id INT)",
      "INSERT INTO a VALUES (1)",
      "UPDATE a SET id = 2",
      "alter table a add column b INT",
      "DROP TABLE c",
      "INSERT INTO a VALUES (3)",
  });
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_TRUE(steps[0].ddl);
  EXPECT_EQ(steps[1].first, 1u);
  EXPECT_EQ(steps[1].count, 2u);
  EXPECT_FALSE(steps[1].ddl);
  EXPECT_TRUE(steps[2].ddl);
  EXPECT_TRUE(steps[3].ddl);
  EXPECT_EQ(steps[4].first, 5u);
  EXPECT_EQ(steps[4].count, 1u);
}

TEST(MigrationSteps, OnlyLeadingDdlVerbsCount) {
  EXPECT_TRUE(IsDdlStatement("\n  CREATE\nINDEX ix ON a (b)"));
  EXPECT_TRUE(IsDdlStatement("RENAME TABLE a TO b"));
  EXPECT_FALSE(IsDdlStatement("INSERT INTO created_things VALUES (1)"));
  EXPECT_FALSE(IsDdlStatement("CREATED"));
  EXPECT_FALSE(IsDdlStatement("UPDATE t SET c = 'DROP TABLE x'"));
}

TEST(MigrationSteps, AlreadyAppliedErrorsAreTheExistsAndGoneOnes) {
  EXPECT_TRUE(IsAlreadyAppliedError(1050));   // table exists
  EXPECT_TRUE(IsAlreadyAppliedError(1060));   // duplicate column
  EXPECT_TRUE(IsAlreadyAppliedError(1061));   // duplicate index
  EXPECT_FALSE(IsAlreadyAppliedError(1062));  // duplicate entry: data
  EXPECT_FALSE(IsAlreadyAppliedError(1146));  // no such table
}

}  // namespace
}  // namespace corebalance::store
