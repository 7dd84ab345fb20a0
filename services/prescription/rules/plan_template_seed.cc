// The three phases of the Core Balance Training program (clinical reference,
// "Suggested plan templates"). Declared in catalogue_seed.h.

#include <initializer_list>
#include <string_view>

#include "services/prescription/rules/catalogue_seed.h"

namespace corebalance::prescription {
namespace {

// Each exercise at its catalogue default dose, done as often as the phase
// says, then walking for the phase's minutes. The reference gives a range
// for Foundation walking (10-15 min); the template starts at 10.
PlanTemplate MakeTemplate(std::string_view slug, std::string_view name,
                          int phase, int first_week, int last_week,
                          std::initializer_list<std::string_view> exercises,
                          int walking_minutes, int frequency_per_week) {
  PlanTemplate plan_template{
      .slug = std::string(slug),
      .display_name = std::string(name),
      .phase = phase,
      .first_week = first_week,
      .last_week = last_week,
      .walking_minutes = walking_minutes,
      .frequency_per_week = frequency_per_week,
  };
  for (std::string_view exercise_slug : exercises) {
    const CatalogueExercise* exercise = FindCatalogueExercise(exercise_slug);
    // An unknown slug is a typo in this file; the catalogue test names it.
    Dose dose = exercise != nullptr ? exercise->default_dose : Dose{};
    dose.frequency_per_week = frequency_per_week;
    plan_template.exercises.push_back({std::string(exercise_slug), dose});
  }
  plan_template.exercises.push_back(
      {"walking",
       {.duration_minutes = walking_minutes,
        .frequency_per_week = frequency_per_week}});
  return plan_template;
}

std::vector<PlanTemplate>* BuildTemplates() {
  return new std::vector<PlanTemplate>{
      MakeTemplate("foundation", "Foundation", 1, 1, 3,
                   {"breathing-brace", "pelvic-tilt", "cat-camel",
                    "glute-bridge", "knee-to-chest"},
                   10, 7),
      MakeTemplate(
          "stability", "Stability", 2, 4, 7,
          {"bird-dog", "dead-bug", "curl-up", "side-bridge-knees", "clamshell"},
          20, 5),
      MakeTemplate("strength-balance", "Strength & Balance", 3, 8, 12,
                   {"front-plank", "side-plank", "single-leg-bridge",
                    "sit-to-stand", "hip-hinge"},
                   30, 5),
  };
}

}  // namespace

const std::vector<PlanTemplate>& PlanTemplateSeed() {
  static const std::vector<PlanTemplate>* const templates = BuildTemplates();
  return *templates;
}

const PlanTemplate* FindPlanTemplate(std::string_view slug) {
  for (const PlanTemplate& plan_template : PlanTemplateSeed()) {
    if (plan_template.slug == slug) return &plan_template;
  }
  return nullptr;
}

const PlanTemplate* NextPlanTemplate(std::string_view slug) {
  const PlanTemplate* current = FindPlanTemplate(slug);
  if (current == nullptr) return nullptr;
  for (const PlanTemplate& plan_template : PlanTemplateSeed()) {
    if (plan_template.phase == current->phase + 1) return &plan_template;
  }
  return nullptr;
}

}  // namespace corebalance::prescription
