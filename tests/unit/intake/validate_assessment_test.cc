#include "services/intake/rules/validate_assessment.h"

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "assessment_examples.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::intake {
namespace {

using examples::kAssessedOn;
using examples::MinimalFollowUp;
using examples::ValidInitial;
using ::testing::IsEmpty;

MATCHER_P2(Violation, field, description, "") {
  return arg.field == field && arg.description == description;
}

std::string Show(const std::vector<FieldViolation>& violations) {
  std::string out;
  for (const FieldViolation& v : violations) {
    out += v.field + ": " + v.description + "\n";
  }
  return out;
}

TEST(ValidateAssessment, ExamplesAreValid) {
  EXPECT_THAT(ValidateAssessment(ValidInitial()), IsEmpty());
  EXPECT_THAT(ValidateAssessment(MinimalFollowUp()), IsEmpty());
}

struct ValidCase {
  std::string name;
  std::function<void(AssessmentInput&)> change;
};

TEST(ValidateAssessment, EdgesThatAreAllowed) {
  const ValidCase cases[] = {
      {"NPRS 0", [](AssessmentInput& a) { a.nprs_now = 0; }},
      {"NPRS 10", [](AssessmentInput& a) { a.nprs_now = 10; }},
      {"best equals worst",
       [](AssessmentInput& a) { a.nprs_best = a.nprs_worst = 5; }},
      {"now outside best..worst",
       [](AssessmentInput& a) {
         a.nprs_now = 9;
         a.nprs_best = 2;
         a.nprs_worst = 7;
       }},
      {"only best given", [](AssessmentInput& a) { a.nprs_worst.reset(); }},
      {"ODI sections 0 and 5",
       [](AssessmentInput& a) {
         a.odi_sections[0] = 0;
         a.odi_sections[9] = 5;
       }},
      {"ODI all unanswered (not scorable, still valid)",
       [](AssessmentInput& a) { a.odi_sections.assign(10, std::nullopt); }},
      {"onset on the assessment day",
       [](AssessmentInput& a) { a.pain_onset_date = kAssessedOn; }},
      {"duration 0 weeks instead of onset",
       [](AssessmentInput& a) {
         a.pain_onset_date.reset();
         a.pain_duration_weeks = 0;
       }},
      {"both onset and duration",
       [](AssessmentInput& a) { a.pain_duration_weeks = 30; }},
      {"sedentary 0",
       [](AssessmentInput& a) { a.sedentary_hours_per_day = 0; }},
      {"sedentary 24",
       [](AssessmentInput& a) { a.sedentary_hours_per_day = 24; }},
      {"walking 0", [](AssessmentInput& a) { a.walking_minutes_per_day = 0; }},
      {"walking 1440",
       [](AssessmentInput& a) { a.walking_minutes_per_day = 1440; }},
      {"lifestyle not given",
       [](AssessmentInput& a) {
         a.sedentary_hours_per_day.reset();
         a.walking_minutes_per_day.reset();
       }},
      {"every red flag",
       [](AssessmentInput& a) {
         for (const RedFlagInfo& info : AllRedFlags()) {
           a.red_flags.push_back(info.flag);
         }
       }},
      {"STarT Back item 9 extremely",
       [](AssessmentInput& a) { a.start_back_answers[8] = 4; }},
  };
  for (const ValidCase& c : cases) {
    SCOPED_TRACE(c.name);
    AssessmentInput input = ValidInitial();
    c.change(input);
    const std::vector<FieldViolation> violations = ValidateAssessment(input);
    EXPECT_THAT(violations, IsEmpty()) << Show(violations);
  }
}

struct InvalidCase {
  std::string name;
  std::function<void(AssessmentInput&)> change;
  std::string field;
  std::string description;
};

TEST(ValidateAssessment, EachViolationNamesItsField) {
  const InvalidCase cases[] = {
      {"NPRS now 11", [](AssessmentInput& a) { a.nprs_now = 11; },
       "assessment.nprs_now", "must be between 0 and 10, got 11"},
      {"NPRS now -1", [](AssessmentInput& a) { a.nprs_now = -1; },
       "assessment.nprs_now", "must be between 0 and 10, got -1"},
      {"NPRS best 12",
       [](AssessmentInput& a) {
         a.nprs_best = 12;
         a.nprs_worst.reset();
       },
       "assessment.nprs_best", "must be between 0 and 10, got 12"},
      {"NPRS worst -2", [](AssessmentInput& a) { a.nprs_worst = -2; },
       "assessment.nprs_worst", "must be between 0 and 10, got -2"},
      {"NPRS best above worst",
       [](AssessmentInput& a) {
         a.nprs_best = 7;
         a.nprs_worst = 5;
       },
       "assessment.nprs_best", "must not exceed nprs_worst (5), got 7"},
      {"ODI 9 entries", [](AssessmentInput& a) { a.odi_sections.pop_back(); },
       "assessment.odi_sections",
       "must have exactly 10 entries (unanswered sections included), got 9"},
      {"ODI 11 entries",
       [](AssessmentInput& a) { a.odi_sections.push_back(std::nullopt); },
       "assessment.odi_sections",
       "must have exactly 10 entries (unanswered sections included), got 11"},
      {"ODI section above 5", [](AssessmentInput& a) { a.odi_sections[3] = 6; },
       "assessment.odi_sections[3]", "must be between 0 and 5, got 6"},
      {"ODI section negative",
       [](AssessmentInput& a) { a.odi_sections[0] = -1; },
       "assessment.odi_sections[0]", "must be between 0 and 5, got -1"},
      {"STarT Back 8 answers",
       [](AssessmentInput& a) { a.start_back_answers.pop_back(); },
       "assessment.start_back_answers", "must have exactly 9 answers, got 8"},
      {"STarT Back 10 answers",
       [](AssessmentInput& a) { a.start_back_answers.push_back(0); },
       "assessment.start_back_answers", "must have exactly 9 answers, got 10"},
      {"STarT Back missing at intake",
       [](AssessmentInput& a) { a.start_back_answers.clear(); },
       "assessment.start_back_answers", "must have exactly 9 answers, got 0"},
      {"STarT Back item 3 not 0/1",
       [](AssessmentInput& a) { a.start_back_answers[2] = 2; },
       "assessment.start_back_answers[2]",
       "must be 0 (disagree) or 1 (agree), got 2"},
      {"STarT Back item 9 above extremely",
       [](AssessmentInput& a) { a.start_back_answers[8] = 5; },
       "assessment.start_back_answers[8]",
       "must be a bothersomeness level between 0 (not at all) and 4 "
       "(extremely), got 5"},
      {"STarT Back item 9 negative",
       [](AssessmentInput& a) { a.start_back_answers[8] = -1; },
       "assessment.start_back_answers[8]",
       "must be a bothersomeness level between 0 (not at all) and 4 "
       "(extremely), got -1"},
      {"onset after the assessment",
       [](AssessmentInput& a) { a.pain_onset_date = kAssessedOn + 1; },
       "assessment.pain_onset_date",
       "must not be after the assessment date 2024-03-01, got 2024-03-02"},
      {"duration negative",
       [](AssessmentInput& a) {
         a.pain_onset_date.reset();
         a.pain_duration_weeks = -1;
       },
       "assessment.pain_duration_weeks", "must not be negative, got -1"},
      {"no duration at intake",
       [](AssessmentInput& a) { a.pain_onset_date.reset(); },
       "assessment.pain_onset_date",
       "an initial assessment needs pain_onset_date or pain_duration_weeks"},
      {"sedentary 24.5",
       [](AssessmentInput& a) { a.sedentary_hours_per_day = 24.5; },
       "assessment.sedentary_hours_per_day",
       "must be between 0 and 24, got 24.5"},
      {"sedentary negative",
       [](AssessmentInput& a) { a.sedentary_hours_per_day = -0.5; },
       "assessment.sedentary_hours_per_day",
       "must be between 0 and 24, got -0.5"},
      {"sedentary NaN",
       [](AssessmentInput& a) {
         a.sedentary_hours_per_day = std::numeric_limits<double>::quiet_NaN();
       },
       "assessment.sedentary_hours_per_day",
       "must be between 0 and 24, got nan"},
      {"walking 1441",
       [](AssessmentInput& a) { a.walking_minutes_per_day = 1441; },
       "assessment.walking_minutes_per_day",
       "must be between 0 and 1440, got 1441"},
      {"walking negative",
       [](AssessmentInput& a) { a.walking_minutes_per_day = -1; },
       "assessment.walking_minutes_per_day",
       "must be between 0 and 1440, got -1"},
      {"unknown red flag",
       [](AssessmentInput& a) {
         a.red_flags = {RedFlag::kMajorTrauma, static_cast<RedFlag>(99)};
       },
       "assessment.red_flags[1]", "unknown red flag value 99"},
  };
  for (const InvalidCase& c : cases) {
    SCOPED_TRACE(c.name);
    AssessmentInput input = ValidInitial();
    c.change(input);
    const std::vector<FieldViolation> violations = ValidateAssessment(input);
    EXPECT_THAT(violations,
                ::testing::ElementsAre(Violation(c.field, c.description)))
        << Show(violations);
  }
}

TEST(ValidateAssessment, ReportsEveryViolationAtOnce) {
  AssessmentInput input = ValidInitial();
  input.nprs_now = 11;
  input.odi_sections[3] = 6;
  input.odi_sections[7] = 9;
  input.walking_minutes_per_day = 2000;
  EXPECT_THAT(
      ValidateAssessment(input),
      ::testing::ElementsAre(
          Violation("assessment.nprs_now", "must be between 0 and 10, got 11"),
          Violation("assessment.odi_sections[3]",
                    "must be between 0 and 5, got 6"),
          Violation("assessment.odi_sections[7]",
                    "must be between 0 and 5, got 9"),
          Violation("assessment.walking_minutes_per_day",
                    "must be between 0 and 1440, got 2000")));
}

TEST(ValidateAssessment, BestAboveWorstIsNotReportedTwiceWhenOutOfRange) {
  AssessmentInput input = ValidInitial();
  input.nprs_best = 11;
  input.nprs_worst = 5;
  EXPECT_THAT(ValidateAssessment(input),
              ::testing::ElementsAre(Violation(
                  "assessment.nprs_best", "must be between 0 and 10, got 11")));
}

TEST(ValidateAssessment, FollowUpMayOmitStartBackAndDurationButNotHalfAnswer) {
  AssessmentInput follow_up = MinimalFollowUp();
  EXPECT_THAT(ValidateAssessment(follow_up), IsEmpty());
  follow_up.start_back_answers = {1, 0, 1};
  EXPECT_THAT(
      ValidateAssessment(follow_up),
      ::testing::ElementsAre(Violation("assessment.start_back_answers",
                                       "must have exactly 9 answers, got 3")));
}

}  // namespace
}  // namespace corebalance::intake
