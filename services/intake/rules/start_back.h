#ifndef COREBALANCE_SERVICES_INTAKE_RULES_START_BACK_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_START_BACK_H_

// Keele STarT Back Screening Tool (9 items, last 2 weeks).

#include <array>
#include <span>
#include <string_view>

namespace corebalance::intake {

inline constexpr int kStartBackItemCount = 9;

// Item 9. The numeric values are the input codes (0..4).
enum class Bothersomeness {
  kNotAtAll = 0,
  kSlightly = 1,
  kModerately = 2,
  kVeryMuch = 3,
  kExtremely = 4,
};

struct StartBackAnswers {
  // Items 1-8 in the Keele form's order (index 0 = item 1); true = agree.
  std::array<bool, 8> agree{};
  Bothersomeness bothersomeness = Bothersomeness::kNotAtAll;  // item 9
};

enum class StartBackRisk { kLow, kMedium, kHigh };

struct StartBackScore {
  int total = 0;         // items 1-9, 0..9
  int psychosocial = 0;  // items 5-9, 0..5
  StartBackRisk risk = StartBackRisk::kLow;
};

// "LOW", "MEDIUM", "HIGH".
std::string_view StartBackRiskName(StartBackRisk risk);

// Items 1-8 score 1 when agreed; item 9 scores 1 only for "very much" or
// "extremely". Risk: total <= 3 LOW; subscore >= 4 HIGH; otherwise MEDIUM.
StartBackScore ScoreStartBack(const StartBackAnswers& answers);

// The answers as they arrive in AssessmentInput::start_back_answers: nine
// codes, items 1-8 as 0 (disagree) / 1 (agree), item 9 as a Bothersomeness
// value. Precondition: valid (see ValidateAssessment).
StartBackAnswers StartBackAnswersFromCodes(std::span<const int> codes);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_START_BACK_H_
