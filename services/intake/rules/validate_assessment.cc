#include "services/intake/rules/validate_assessment.h"

#include <cmath>
#include <cstddef>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "services/intake/rules/odi.h"
#include "services/intake/rules/start_back.h"

namespace corebalance::intake {
namespace {

constexpr absl::string_view kPrefix = "assessment.";

class Violations {
 public:
  void Add(absl::string_view field, std::string description) {
    list_.push_back({absl::StrCat(kPrefix, field), std::move(description)});
  }
  std::vector<FieldViolation> Take() { return std::move(list_); }

 private:
  std::vector<FieldViolation> list_;
};

std::string Between(double low, double high, double got) {
  return absl::StrCat("must be between ", low, " and ", high, ", got ", got);
}

void CheckDuration(const AssessmentInput& input, Violations& out) {
  if (input.pain_onset_date.has_value() &&
      *input.pain_onset_date > input.assessed_on) {
    out.Add("pain_onset_date",
            absl::StrCat("must not be after the assessment date ",
                         absl::FormatCivilTime(input.assessed_on), ", got ",
                         absl::FormatCivilTime(*input.pain_onset_date)));
  }
  if (input.pain_duration_weeks.has_value() && *input.pain_duration_weeks < 0) {
    out.Add("pain_duration_weeks", absl::StrCat("must not be negative, got ",
                                                *input.pain_duration_weeks));
  }
  if (input.kind == AssessmentKind::kInitial &&
      !input.pain_onset_date.has_value() &&
      !input.pain_duration_weeks.has_value()) {
    out.Add("pain_onset_date",
            "an initial assessment needs pain_onset_date or "
            "pain_duration_weeks");
  }
}

bool IsNprs(int value) { return value >= 0 && value <= 10; }

void CheckNprs(const AssessmentInput& input, Violations& out) {
  if (!IsNprs(input.nprs_now)) {
    out.Add("nprs_now", Between(0, 10, input.nprs_now));
  }
  if (input.nprs_best.has_value() && !IsNprs(*input.nprs_best)) {
    out.Add("nprs_best", Between(0, 10, *input.nprs_best));
  }
  if (input.nprs_worst.has_value() && !IsNprs(*input.nprs_worst)) {
    out.Add("nprs_worst", Between(0, 10, *input.nprs_worst));
  }
  if (input.nprs_best.has_value() && input.nprs_worst.has_value() &&
      IsNprs(*input.nprs_best) && IsNprs(*input.nprs_worst) &&
      *input.nprs_best > *input.nprs_worst) {
    out.Add("nprs_best",
            absl::StrCat("must not exceed nprs_worst (", *input.nprs_worst,
                         "), got ", *input.nprs_best));
  }
}

void CheckOdi(const AssessmentInput& input, Violations& out) {
  if (input.odi_sections.size() != kOdiSectionCount) {
    out.Add("odi_sections",
            absl::StrCat("must have exactly ", kOdiSectionCount,
                         " entries (unanswered sections included), got ",
                         input.odi_sections.size()));
  }
  for (std::size_t i = 0; i < input.odi_sections.size(); ++i) {
    const std::optional<int>& answer = input.odi_sections[i];
    if (answer.has_value() && (*answer < 0 || *answer > kOdiMaxSectionValue)) {
      out.Add(absl::StrCat("odi_sections[", i, "]"),
              Between(0, kOdiMaxSectionValue, *answer));
    }
  }
}

void CheckStartBack(const AssessmentInput& input, Violations& out) {
  const std::vector<int>& codes = input.start_back_answers;
  if (codes.empty() && input.kind == AssessmentKind::kFollowUp) return;
  if (codes.size() != kStartBackItemCount) {
    out.Add("start_back_answers",
            absl::StrCat("must have exactly ", kStartBackItemCount,
                         " answers, got ", codes.size()));
  }
  // Items 1-8 are agree/disagree; a 9th code, when present, is item 9.
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const std::string field = absl::StrCat("start_back_answers[", i, "]");
    if (i < kStartBackItemCount - 1) {
      if (codes[i] != 0 && codes[i] != 1) {
        out.Add(field, absl::StrCat("must be 0 (disagree) or 1 (agree), got ",
                                    codes[i]));
      }
    } else if (i == kStartBackItemCount - 1) {
      if (codes[i] < static_cast<int>(Bothersomeness::kNotAtAll) ||
          codes[i] > static_cast<int>(Bothersomeness::kExtremely)) {
        out.Add(field,
                absl::StrCat("must be a bothersomeness level between 0 (not "
                             "at all) and 4 (extremely), got ",
                             codes[i]));
      }
    }
  }
}

void CheckRedFlags(const AssessmentInput& input, Violations& out) {
  for (std::size_t i = 0; i < input.red_flags.size(); ++i) {
    const int value = static_cast<int>(input.red_flags[i]);
    if (!IsKnownRedFlag(value)) {
      out.Add(absl::StrCat("red_flags[", i, "]"),
              absl::StrCat("unknown red flag value ", value));
    }
  }
}

void CheckLifestyle(const AssessmentInput& input, Violations& out) {
  if (input.sedentary_hours_per_day.has_value()) {
    const double hours = *input.sedentary_hours_per_day;
    // Written so NaN fails too.
    if (!(hours >= 0 && hours <= 24)) {
      out.Add("sedentary_hours_per_day", Between(0, 24, hours));
    }
  }
  if (input.walking_minutes_per_day.has_value()) {
    const int minutes = *input.walking_minutes_per_day;
    if (minutes < 0 || minutes > 1440) {
      out.Add("walking_minutes_per_day", Between(0, 1440, minutes));
    }
  }
}

}  // namespace

std::vector<FieldViolation> ValidateAssessment(const AssessmentInput& input) {
  Violations out;
  CheckDuration(input, out);
  CheckNprs(input, out);
  CheckOdi(input, out);
  CheckStartBack(input, out);
  CheckRedFlags(input, out);
  CheckLifestyle(input, out);
  return out.Take();
}

}  // namespace corebalance::intake
