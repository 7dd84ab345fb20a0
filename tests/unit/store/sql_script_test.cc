#include "services/store/sql_script.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::store {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(SplitSqlStatements, SplitsAtSemicolonsThatEndALine) {
  EXPECT_THAT(
      SplitSqlStatements("CREATE TABLE a (id INT);\n"
                         "CREATE TABLE b (\n"
                         "  id INT\n"
                         ");  \n"),
      ElementsAre("CREATE TABLE a (id INT)", "CREATE TABLE b (\n  id INT\n)"));
}

TEST(SplitSqlStatements, DropsCommentLinesAndBlankStatements) {
  EXPECT_THAT(SplitSqlStatements("-- the tokens table\n"
                                 "  # another comment\n"
                                 "\n"
                                 "CREATE TABLE t (\n"
                                 "  -- why this column\n"
                                 "  id INT\n"
                                 ");\n"
                                 ";\n"),
              ElementsAre("CREATE TABLE t (\n  id INT\n)"));
}

TEST(SplitSqlStatements, KeepsSemicolonsInsideALine) {
  EXPECT_THAT(SplitSqlStatements("INSERT INTO notes VALUES ('a; b');\n"
                                 "INSERT INTO notes VALUES ('c')"),
              ElementsAre("INSERT INTO notes VALUES ('a; b')",
                          "INSERT INTO notes VALUES ('c')"));
}

TEST(SplitSqlStatements, HandlesWindowsLineEndings) {
  EXPECT_THAT(SplitSqlStatements("SELECT 1;\r\nSELECT 2;\r\n"),
              ElementsAre("SELECT 1", "SELECT 2"));
}

TEST(SplitSqlStatements, EmptyScriptHasNoStatements) {
  EXPECT_THAT(SplitSqlStatements(""), IsEmpty());
  EXPECT_THAT(SplitSqlStatements("-- nothing yet\n\n"), IsEmpty());
}

}  // namespace
}  // namespace corebalance::store
