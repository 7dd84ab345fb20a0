#include "services/intake/rules/red_flags.h"

#include <set>
#include <string>

#include "absl/strings/ascii.h"
#include "gtest/gtest.h"

namespace corebalance::intake {
namespace {

TEST(RedFlags, EveryFlagOfTheReferenceBelongsToItsGroup) {
  using F = RedFlag;
  using G = RedFlagGroup;
  const std::pair<RedFlag, RedFlagGroup> expected[] = {
      {F::kSaddleAnaesthesia, G::kCaudaEquina},
      {F::kBladderDysfunction, G::kCaudaEquina},
      {F::kBowelIncontinence, G::kCaudaEquina},
      {F::kProgressiveNeurologicalDeficit, G::kCaudaEquina},
      {F::kMajorTrauma, G::kFracture},
      {F::kMinorTraumaOlderOrOsteoporotic, G::kFracture},
      {F::kLongTermCorticosteroids, G::kFracture},
      {F::kHistoryOfCancer, G::kTumourOrInfection},
      {F::kUnexplainedWeightLoss, G::kTumourOrInfection},
      {F::kFeverOrChills, G::kTumourOrInfection},
      {F::kInfectionRisk, G::kTumourOrInfection},
      {F::kNightPain, G::kTumourOrInfection},
      {F::kAgeOver50OrUnder20NewPain, G::kTumourOrInfection},
      {F::kInflammatoryDisease, G::kInflammatoryOrStructural},
      {F::kStructuralDeformity, G::kInflammatoryOrStructural},
  };
  ASSERT_EQ(AllRedFlags().size(), std::size(expected));
  for (const auto& [flag, group] : expected) {
    SCOPED_TRACE(InfoFor(flag).snake_name);
    EXPECT_EQ(InfoFor(flag).flag, flag);
    EXPECT_EQ(InfoFor(flag).group, group);
  }
}

TEST(RedFlags, NamesAreStableSnakeAndUpperCaseAndUnique) {
  std::set<std::string> snake_names;
  for (const RedFlagInfo& info : AllRedFlags()) {
    SCOPED_TRACE(info.snake_name);
    EXPECT_EQ(absl::AsciiStrToUpper(std::string(info.snake_name)),
              info.upper_name);
    EXPECT_EQ(info.snake_name.find_first_not_of(
                  "abcdefghijklmnopqrstuvwxyz0123456789_"),
              std::string::npos);
    EXPECT_FALSE(info.description.empty());
    snake_names.insert(std::string(info.snake_name));
  }
  EXPECT_EQ(snake_names.size(), AllRedFlags().size());
  EXPECT_EQ(InfoFor(RedFlag::kSaddleAnaesthesia).snake_name,
            "saddle_anaesthesia");
  EXPECT_EQ(InfoFor(RedFlag::kSaddleAnaesthesia).upper_name,
            "SADDLE_ANAESTHESIA");
}

TEST(RedFlags, KnownValuesAreExactlyTheEnum) {
  EXPECT_FALSE(IsKnownRedFlag(-1));
  EXPECT_TRUE(IsKnownRedFlag(static_cast<int>(RedFlag::kSaddleAnaesthesia)));
  EXPECT_TRUE(IsKnownRedFlag(static_cast<int>(RedFlag::kStructuralDeformity)));
  EXPECT_FALSE(
      IsKnownRedFlag(static_cast<int>(RedFlag::kStructuralDeformity) + 1));
}

TEST(RedFlags, GroupPhrases) {
  EXPECT_EQ(GroupPhrase(RedFlagGroup::kCaudaEquina), "possible cauda equina");
  EXPECT_EQ(GroupPhrase(RedFlagGroup::kFracture), "possible fracture");
  EXPECT_EQ(GroupPhrase(RedFlagGroup::kTumourOrInfection),
            "possible tumour or infection");
  EXPECT_EQ(GroupPhrase(RedFlagGroup::kInflammatoryOrStructural),
            "possible inflammatory or structural disorder");
}

}  // namespace
}  // namespace corebalance::intake
