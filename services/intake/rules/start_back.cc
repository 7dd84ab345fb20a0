#include "services/intake/rules/start_back.h"

#include <cassert>
#include <cstddef>

namespace corebalance::intake {
namespace {

// Items 5-8 (indexes 4-7) plus item 9 form the psychosocial subscore.
constexpr std::size_t kFirstPsychosocialIndex = 4;

}  // namespace

std::string_view StartBackRiskName(StartBackRisk risk) {
  switch (risk) {
    case StartBackRisk::kLow:
      return "LOW";
    case StartBackRisk::kMedium:
      return "MEDIUM";
    case StartBackRisk::kHigh:
      return "HIGH";
  }
  return "UNKNOWN";
}

StartBackScore ScoreStartBack(const StartBackAnswers& answers) {
  StartBackScore score;
  for (std::size_t i = 0; i < answers.agree.size(); ++i) {
    if (!answers.agree[i]) continue;
    ++score.total;
    if (i >= kFirstPsychosocialIndex) ++score.psychosocial;
  }
  if (answers.bothersomeness == Bothersomeness::kVeryMuch ||
      answers.bothersomeness == Bothersomeness::kExtremely) {
    ++score.total;
    ++score.psychosocial;
  }
  if (score.total <= 3) {
    score.risk = StartBackRisk::kLow;
  } else if (score.psychosocial >= 4) {
    score.risk = StartBackRisk::kHigh;
  } else {
    score.risk = StartBackRisk::kMedium;
  }
  return score;
}

StartBackAnswers StartBackAnswersFromCodes(std::span<const int> codes) {
  assert(codes.size() == kStartBackItemCount);
  StartBackAnswers answers;
  for (std::size_t i = 0; i < answers.agree.size(); ++i) {
    answers.agree[i] = codes[i] == 1;
  }
  answers.bothersomeness = static_cast<Bothersomeness>(codes[8]);
  return answers;
}

}  // namespace corebalance::intake
