#ifndef COREBALANCE_TESTS_UNIT_INTAKE_ASSESSMENT_EXAMPLES_H_
#define COREBALANCE_TESTS_UNIT_INTAKE_ASSESSMENT_EXAMPLES_H_

// Valid assessments for tests to start from and change one thing in.

#include <optional>
#include <vector>

#include "absl/time/civil_time.h"
#include "services/intake/rules/assessment_input.h"

namespace corebalance::intake::examples {

inline constexpr absl::CivilDay kAssessedOn{2024, 3, 1};

// ODI with `answered` sections answered (the first ones) summing to `sum`,
// spread as evenly as the 0..5 range allows; the rest unanswered.
inline std::vector<std::optional<int>> OdiWithSum(int sum, int answered = 10) {
  std::vector<std::optional<int>> sections(10);
  for (int i = 0; i < answered; ++i) {
    const int left = answered - i;
    const int value = sum / left;  // floor share of what is left
    sections[i] = value;
    sum -= value;
  }
  return sections;
}

// STarT Back codes from agreed item numbers (1-8) and an item-9 level.
inline std::vector<int> StartBackCodes(std::vector<int> agreed_items,
                                       int bothersomeness) {
  std::vector<int> codes(9, 0);
  for (int item : agreed_items) codes[item - 1] = 1;
  codes[8] = bothersomeness;
  return codes;
}

// A chronic patient, moderate ODI, LOW STarT Back, no red flags.
inline AssessmentInput ValidInitial() {
  AssessmentInput input;
  input.kind = AssessmentKind::kInitial;
  input.assessed_on = kAssessedOn;
  input.pain_onset_date = kAssessedOn - 200;
  input.nprs_now = 6;
  input.nprs_best = 3;
  input.nprs_worst = 8;
  input.odi_sections = OdiWithSum(30);
  input.start_back_answers = StartBackCodes({1, 3}, 2);
  input.sedentary_hours_per_day = 9.5;
  input.walking_minutes_per_day = 20;
  return input;
}

// A follow-up giving only what it must: NPRS now and the ODI.
inline AssessmentInput MinimalFollowUp() {
  AssessmentInput input;
  input.kind = AssessmentKind::kFollowUp;
  input.assessed_on = kAssessedOn + 42;
  input.nprs_now = 3;
  input.odi_sections = OdiWithSum(16);
  return input;
}

}  // namespace corebalance::intake::examples

#endif  // COREBALANCE_TESTS_UNIT_INTAKE_ASSESSMENT_EXAMPLES_H_
