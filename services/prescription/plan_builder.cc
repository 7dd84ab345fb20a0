#include "services/prescription/plan_builder.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/validation.h"
#include "services/prescription/rules/reduced_dose.h"

namespace corebalance::prescription {
namespace {

std::string Path(absl::string_view field, size_t i, absl::string_view leaf) {
  return absl::StrCat(field, "[", i, "].", leaf);
}

// Appends every violation of `dose` to `out`. ValidateDose takes a
// std::string_view, which this Abseil's string_view is not.
void CheckDose(const Dose& dose, const std::string& path,
               const DoseLimits& limits, FieldViolations& out) {
  for (auto& v : ValidateDose(dose, path, limits)) out.push_back(std::move(v));
}

// Checks names and duplicates; returns each entry's slug ("" when bad).
std::vector<std::string> CheckNames(
    const std::vector<RequestedExercise>& requested,
    const std::map<std::string, Dose>& known, absl::string_view field,
    FieldViolations& out) {
  std::vector<std::string> slugs;
  std::set<std::string> seen;
  for (size_t i = 0; i < requested.size(); ++i) {
    const std::string path = Path(field, i, "exercise");
    std::string slug = IdFromName(requested[i].name, "exercises");
    if (slug.empty()) {
      out.push_back({path, absl::StrCat("must be a resource name like "
                                        "\"exercises/glute-bridge\", got \"",
                                        requested[i].name, "\"")});
    } else if (!known.count(slug)) {
      out.push_back(
          {path, absl::StrCat("no such exercise: ", requested[i].name)});
      slug.clear();
    } else if (!seen.insert(slug).second) {
      out.push_back({path, absl::StrCat(requested[i].name,
                                        " is in the list twice; an exercise "
                                        "appears at most once")});
      slug.clear();
    }
    slugs.push_back(std::move(slug));
  }
  return slugs;
}

const Dose* FindDose(const std::vector<PlanExerciseRecord>& exercises,
                     const std::string& slug) {
  for (const auto& e : exercises) {
    if (e.exercise_slug == slug) return &e.dose;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> RequestedSlugs(
    const std::vector<RequestedExercise>& requested) {
  std::vector<std::string> slugs;
  for (const auto& r : requested) {
    std::string slug = IdFromName(r.name, "exercises");
    if (!slug.empty()) slugs.push_back(std::move(slug));
  }
  return slugs;
}

absl::StatusOr<std::vector<PlanExerciseRecord>> BuildPlanExercises(
    const std::vector<RequestedExercise>& requested,
    const std::vector<PlanExerciseRecord>& template_exercises,
    v1::DoseLevel dose_level, const std::map<std::string, Dose>& default_doses,
    const DoseRules& rules, absl::string_view field) {
  auto derive = [&](const Dose& standard) {
    return dose_level == v1::DOSE_LEVEL_REDUCED
               ? ReduceDose(standard, rules.reduced)
               : standard;
  };
  FieldViolations violations;
  std::vector<PlanExerciseRecord> out;
  if (requested.empty()) {
    for (const auto& e : template_exercises) {
      out.push_back({e.exercise_slug, derive(e.dose)});
    }
  } else {
    const std::vector<std::string> slugs =
        CheckNames(requested, default_doses, field, violations);
    for (size_t i = 0; i < requested.size(); ++i) {
      if (slugs[i].empty()) continue;
      Dose dose;
      if (requested[i].dose) {
        dose = *requested[i].dose;
      } else if (const Dose* in_template =
                     FindDose(template_exercises, slugs[i])) {
        dose = derive(*in_template);
      } else {
        dose = derive(default_doses.at(slugs[i]));
      }
      out.push_back({slugs[i], dose});
    }
  }
  // Every dose is checked, derived ones too: a clinic's template or policy
  // must not slip an out-of-limits dose into a plan.
  if (violations.empty()) {
    for (size_t i = 0; i < out.size(); ++i) {
      CheckDose(out[i].dose, Path(field, i, "dose"), rules.limits, violations);
    }
  }
  if (out.empty() && violations.empty()) {
    violations.push_back(
        {std::string(field), "a plan needs at least one exercise"});
  }
  if (!violations.empty()) return InvalidArgumentError(violations);
  return out;
}

std::vector<PlanExerciseRecord> BuildTemplateExercises(
    const std::vector<RequestedExercise>& requested,
    const std::map<std::string, Dose>& default_doses, const DoseLimits& limits,
    absl::string_view field, FieldViolations& out) {
  std::vector<PlanExerciseRecord> exercises;
  if (requested.empty()) {
    out.push_back(
        {std::string(field), "a template needs at least one exercise"});
    return exercises;
  }
  const std::vector<std::string> slugs =
      CheckNames(requested, default_doses, field, out);
  for (size_t i = 0; i < requested.size(); ++i) {
    if (!requested[i].dose) {
      out.push_back({Path(field, i, "dose"), "is required in a template"});
      continue;
    }
    CheckDose(*requested[i].dose, Path(field, i, "dose"), limits, out);
    if (!slugs[i].empty()) exercises.push_back({slugs[i], *requested[i].dose});
  }
  return exercises;
}

}  // namespace corebalance::prescription
