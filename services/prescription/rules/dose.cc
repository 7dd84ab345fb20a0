#include "services/prescription/rules/dose.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace corebalance::prescription {
namespace {

struct NamedField {
  std::string_view name;
  int value;
};

}  // namespace

FieldViolations ValidateDose(const Dose& dose, std::string_view field_prefix,
                             const DoseLimits& limits) {
  FieldViolations violations;
  auto add = [&](std::string_view field, std::string description) {
    // std::string: this Abseil's string_view is not std::string_view.
    std::string path(field_prefix);
    if (!field.empty()) path += "." + std::string(field);
    violations.push_back({std::move(path), std::move(description)});
  };

  const NamedField fields[] = {
      {"sets", dose.sets},
      {"reps", dose.reps},
      {"hold_seconds", dose.hold_seconds},
      {"rest_seconds", dose.rest_seconds},
      {"duration_minutes", dose.duration_minutes},
      {"frequency_per_week", dose.frequency_per_week},
  };
  bool any_negative = false;
  for (const NamedField& field : fields) {
    if (field.value < 0) {
      any_negative = true;
      add(field.name,
          absl::StrFormat("must not be negative (0 means not used), got %d",
                          field.value));
    }
  }

  const bool uses_reps_or_hold = dose.reps > 0 || dose.hold_seconds > 0;
  // A negative field already explains what is wrong; "prescribes nothing"
  // would only repeat it.
  if (!any_negative && !uses_reps_or_hold && dose.duration_minutes == 0) {
    add("", "prescribes nothing: set reps, hold_seconds or duration_minutes");
  }
  if (uses_reps_or_hold && dose.sets == 0) {
    add("sets", "must be at least 1 when reps or hold_seconds is used");
  }
  if (dose.frequency_per_week > limits.max_frequency_per_week) {
    add("frequency_per_week",
        absl::StrFormat("must be at most %d per week, got %d",
                        limits.max_frequency_per_week,
                        dose.frequency_per_week));
  }
  if (dose.hold_seconds > limits.max_hold_seconds) {
    add("hold_seconds",
        absl::StrFormat("must be at most %d seconds, got %d",
                        limits.max_hold_seconds, dose.hold_seconds));
  }
  return violations;
}

std::string DescribeDose(const Dose& dose) {
  std::vector<std::string> parts;
  // The counted part first ("2 x 8 reps per side"); a hold that comes with
  // reps is how long each rep is held, so it follows on its own.
  std::string count;
  if (dose.reps > 0) {
    count = dose.sets > 0
                ? absl::StrFormat("%d x %d reps", dose.sets, dose.reps)
                : absl::StrFormat("%d reps", dose.reps);
  } else if (dose.hold_seconds > 0) {
    count = dose.sets > 0 ? absl::StrFormat("%d x %d s hold", dose.sets,
                                            dose.hold_seconds)
                          : absl::StrFormat("%d s hold", dose.hold_seconds);
  }
  if (!count.empty()) {
    if (dose.per_side) absl::StrAppend(&count, " per side");
    parts.push_back(std::move(count));
  }
  if (dose.reps > 0 && dose.hold_seconds > 0) {
    parts.push_back(absl::StrCat(dose.hold_seconds, " s hold"));
  }
  if (dose.rest_seconds > 0) {
    parts.push_back(absl::StrCat(dose.rest_seconds, " s rest"));
  }
  if (dose.duration_minutes > 0) {
    parts.push_back(absl::StrCat(dose.duration_minutes, " min"));
  }
  if (dose.frequency_per_week > 0) {
    parts.push_back(absl::StrCat(dose.frequency_per_week, "x/week"));
  }
  return absl::StrJoin(parts, ", ");
}

}  // namespace corebalance::prescription
