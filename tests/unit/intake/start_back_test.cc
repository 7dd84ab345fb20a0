#include "services/intake/rules/start_back.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "assessment_examples.h"
#include "gtest/gtest.h"

namespace corebalance::intake {
namespace {

StartBackAnswers Answers(const std::vector<int>& agreed_items,
                         Bothersomeness item9) {
  StartBackAnswers answers;
  for (int item : agreed_items) answers.agree[item - 1] = true;
  answers.bothersomeness = item9;
  return answers;
}

struct RiskCase {
  std::string name;
  std::vector<int> agreed_items;
  Bothersomeness item9;
  int expected_total;
  int expected_subscore;
  StartBackRisk expected_risk;
};

TEST(StartBack, TotalSubscoreAndRisk) {
  using B = Bothersomeness;
  using R = StartBackRisk;
  const RiskCase cases[] = {
      {"nothing agreed", {}, B::kNotAtAll, 0, 0, R::kLow},
      {"total 3 is low", {1, 2, 3}, B::kNotAtAll, 3, 0, R::kLow},
      {"total 4 is medium", {1, 2, 3, 4}, B::kNotAtAll, 4, 0, R::kMedium},
      {"total 3 with subscore 3 is low",
       {5, 6, 7},
       B::kNotAtAll,
       3,
       3,
       R::kLow},
      {"total 4 with subscore 3 is medium",
       {1, 5, 6, 7},
       B::kSlightly,
       4,
       3,
       R::kMedium},
      {"subscore 4 from items 5-8 is high",
       {5, 6, 7, 8},
       B::kModerately,
       4,
       4,
       R::kHigh},
      {"subscore 4 with item 9 is high",
       {5, 6, 7},
       B::kVeryMuch,
       4,
       4,
       R::kHigh},
      {"moderately does not count", {5, 6, 7}, B::kModerately, 3, 3, R::kLow},
      {"item 9 in a medium total", {1, 2, 3}, B::kExtremely, 4, 1, R::kMedium},
      {"physical items fill the total",
       {1, 2, 3, 4, 5, 6, 7},
       B::kNotAtAll,
       7,
       3,
       R::kMedium},
      {"everything", {1, 2, 3, 4, 5, 6, 7, 8}, B::kExtremely, 9, 5, R::kHigh},
  };
  for (const RiskCase& c : cases) {
    SCOPED_TRACE(c.name);
    const StartBackScore score =
        ScoreStartBack(Answers(c.agreed_items, c.item9));
    EXPECT_EQ(score.total, c.expected_total);
    EXPECT_EQ(score.psychosocial, c.expected_subscore);
    EXPECT_EQ(score.risk, c.expected_risk);
  }
}

TEST(StartBack, ItemNineScoresOnlyForVeryMuchOrExtremely) {
  const std::pair<Bothersomeness, int> levels[] = {
      {Bothersomeness::kNotAtAll, 0},   {Bothersomeness::kSlightly, 0},
      {Bothersomeness::kModerately, 0}, {Bothersomeness::kVeryMuch, 1},
      {Bothersomeness::kExtremely, 1},
  };
  for (const auto& [level, points] : levels) {
    SCOPED_TRACE(static_cast<int>(level));
    const StartBackScore score = ScoreStartBack(Answers({}, level));
    EXPECT_EQ(score.total, points);
    EXPECT_EQ(score.psychosocial, points);
  }
}

TEST(StartBack, ItemsFiveToEightArePsychosocialOneToFourAreNot) {
  for (int item = 1; item <= 8; ++item) {
    SCOPED_TRACE(item);
    const StartBackScore score =
        ScoreStartBack(Answers({item}, Bothersomeness::kNotAtAll));
    EXPECT_EQ(score.total, 1);
    EXPECT_EQ(score.psychosocial, item >= 5 ? 1 : 0);
  }
}

TEST(StartBack, AnswersFromInputCodes) {
  const std::vector<int> codes = examples::StartBackCodes({1, 3, 8}, 3);
  const StartBackAnswers answers = StartBackAnswersFromCodes(codes);
  const std::array<bool, 8> expected = {true,  false, true,  false,
                                        false, false, false, true};
  EXPECT_EQ(answers.agree, expected);
  EXPECT_EQ(answers.bothersomeness, Bothersomeness::kVeryMuch);
}

TEST(StartBack, RiskNames) {
  EXPECT_EQ(StartBackRiskName(StartBackRisk::kLow), "LOW");
  EXPECT_EQ(StartBackRiskName(StartBackRisk::kMedium), "MEDIUM");
  EXPECT_EQ(StartBackRiskName(StartBackRisk::kHigh), "HIGH");
}

}  // namespace
}  // namespace corebalance::intake
