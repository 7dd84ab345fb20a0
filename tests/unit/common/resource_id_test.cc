#include "services/common/resource_id.h"

#include <map>
#include <set>
#include <string>

#include "gtest/gtest.h"

namespace corebalance {
namespace {

bool IsLowerAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

TEST(NewResourceId, IsSixteenLowerCaseLettersOrDigits) {
  for (int i = 0; i < 1000; ++i) {
    const std::string id = NewResourceId();
    ASSERT_EQ(id.size(), 16u) << id;
    for (char c : id) ASSERT_TRUE(IsLowerAlnum(c)) << id;
    EXPECT_TRUE(IsValidResourceId(id)) << id;
  }
}

TEST(NewResourceId, DrawsAreUniqueAndUseTheWholeAlphabetEvenly) {
  constexpr int kDraws = 20000;
  std::set<std::string> ids;
  std::map<char, int> counts;
  for (int i = 0; i < kDraws; ++i) {
    const std::string id = NewResourceId();
    ids.insert(id);
    for (char c : id) ++counts[c];
  }
  EXPECT_EQ(ids.size(), static_cast<size_t>(kDraws));
  // 320000 characters over 36 symbols: about 8889 each, sd about 93. +-7%
  // is over six sd, yet catches the 12% excess a plain `byte % 36` gives
  // the first four symbols.
  EXPECT_EQ(counts.size(), 36u);
  const double expected = kDraws * 16.0 / 36.0;
  for (const auto& [c, count] : counts) {
    EXPECT_GT(count, expected * 0.93) << "'" << c << "'";
    EXPECT_LT(count, expected * 1.07) << "'" << c << "'";
  }
}

struct IdCase {
  std::string id;
  bool valid;
};

class IsValidResourceIdTest : public ::testing::TestWithParam<IdCase> {};

TEST_P(IsValidResourceIdTest, AcceptsIdsAndSlugsOnly) {
  EXPECT_EQ(IsValidResourceId(GetParam().id), GetParam().valid)
      << "\"" << GetParam().id << "\"";
}

INSTANTIATE_TEST_SUITE_P(
    Ids, IsValidResourceIdTest,
    ::testing::Values(
        IdCase{"a", true}, IdCase{"0", true}, IdCase{"k3j9x0a1b2c3d4e5", true},
        IdCase{"bird-dog", true}, IdCase{std::string(63, 'z'), true},
        IdCase{std::string(64, 'z'), false}, IdCase{"", false},
        IdCase{"Abc", false}, IdCase{"a_b", false}, IdCase{"a b", false},
        IdCase{"a/b", false}, IdCase{"a.b", false},
        IdCase{"caf\xc3\xa9", false}, IdCase{std::string("a\0b", 3), false}));

}  // namespace
}  // namespace corebalance
