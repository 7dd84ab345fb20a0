#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/prescription/rules/catalogue_seed.h"
#include "services/prescription/rules/reduced_dose.h"

namespace corebalance::prescription {
namespace {

using ::testing::IsEmpty;

std::vector<std::string> SlugsOf(const PlanTemplate& plan_template) {
  std::vector<std::string> slugs;
  for (const TemplateExercise& exercise : plan_template.exercises) {
    slugs.push_back(exercise.exercise_slug);
  }
  return slugs;
}

struct PhaseCase {
  std::string slug;
  std::string display_name;
  int first_week;
  int last_week;
  std::vector<std::string> exercises;
  int walking_minutes;
  int frequency_per_week;
};

TEST(PlanTemplateSeed, HasTheThreeReferencePhases) {
  const PhaseCase phases[] = {
      {"foundation",
       "Foundation",
       1,
       3,
       {"breathing-brace", "pelvic-tilt", "cat-camel", "glute-bridge",
        "knee-to-chest", "walking"},
       10,
       7},
      {"stability",
       "Stability",
       4,
       7,
       {"bird-dog", "dead-bug", "curl-up", "side-bridge-knees", "clamshell",
        "walking"},
       20,
       5},
      {"strength-balance",
       "Strength & Balance",
       8,
       12,
       {"front-plank", "side-plank", "single-leg-bridge", "sit-to-stand",
        "hip-hinge", "walking"},
       30,
       5},
  };
  const std::vector<PlanTemplate>& templates = PlanTemplateSeed();
  ASSERT_EQ(templates.size(), std::size(phases));
  for (size_t i = 0; i < templates.size(); ++i) {
    const PhaseCase& want = phases[i];
    const PlanTemplate& got = templates[i];
    SCOPED_TRACE(want.slug);
    EXPECT_EQ(got.slug, want.slug);
    EXPECT_EQ(got.display_name, want.display_name);
    EXPECT_EQ(got.phase, static_cast<int>(i) + 1);
    EXPECT_EQ(got.first_week, want.first_week);
    EXPECT_EQ(got.last_week, want.last_week);
    EXPECT_EQ(SlugsOf(got), want.exercises);
    EXPECT_EQ(got.walking_minutes, want.walking_minutes);
    EXPECT_EQ(got.frequency_per_week, want.frequency_per_week);
    EXPECT_EQ(FindPlanTemplate(want.slug), &got);
  }
}

TEST(PlanTemplateSeed, WeeksFollowOnWithoutGaps) {
  int next_week = 1;
  for (const PlanTemplate& plan_template : PlanTemplateSeed()) {
    EXPECT_EQ(plan_template.first_week, next_week) << plan_template.slug;
    EXPECT_GE(plan_template.last_week, plan_template.first_week);
    next_week = plan_template.last_week + 1;
  }
}

TEST(PlanTemplateSeed, ExercisesExistAndDosesAreValid) {
  for (const PlanTemplate& plan_template : PlanTemplateSeed()) {
    for (size_t i = 0; i < plan_template.exercises.size(); ++i) {
      const TemplateExercise& exercise = plan_template.exercises[i];
      SCOPED_TRACE(plan_template.slug + " " + exercise.exercise_slug);
      const CatalogueExercise* catalogued =
          FindCatalogueExercise(exercise.exercise_slug);
      ASSERT_NE(catalogued, nullptr);
      const std::string prefix =
          "template.exercises[" + std::to_string(i) + "].dose";
      EXPECT_THAT(ValidateDose(exercise.dose, prefix), IsEmpty());
      EXPECT_THAT(ValidateDose(ReduceDose(exercise.dose), prefix), IsEmpty());
      EXPECT_EQ(exercise.dose.frequency_per_week,
                plan_template.frequency_per_week);
      if (exercise.exercise_slug == "walking") {
        EXPECT_EQ(exercise.dose.duration_minutes,
                  plan_template.walking_minutes);
      } else {
        // Catalogue default apart from the phase's frequency.
        Dose expected = catalogued->default_dose;
        expected.frequency_per_week = plan_template.frequency_per_week;
        EXPECT_EQ(exercise.dose, expected);
      }
    }
  }
}

TEST(PlanTemplateSeed, NextPhaseFollowsProgramOrder) {
  ASSERT_NE(NextPlanTemplate("foundation"), nullptr);
  EXPECT_EQ(NextPlanTemplate("foundation")->slug, "stability");
  ASSERT_NE(NextPlanTemplate("stability"), nullptr);
  EXPECT_EQ(NextPlanTemplate("stability")->slug, "strength-balance");
  EXPECT_EQ(NextPlanTemplate("strength-balance"), nullptr);
  EXPECT_EQ(NextPlanTemplate("no-such-phase"), nullptr);
  EXPECT_EQ(FindPlanTemplate("no-such-phase"), nullptr);
}

TEST(PlanTemplateSeed, ReducedFoundationWalkIsFiveMinutes) {
  const PlanTemplate* foundation = FindPlanTemplate("foundation");
  ASSERT_NE(foundation, nullptr);
  const Dose walk = foundation->exercises.back().dose;
  EXPECT_EQ(ReduceDose(walk).duration_minutes, 5);
  EXPECT_EQ(ReduceDose(walk).frequency_per_week, 7);
}

}  // namespace
}  // namespace corebalance::prescription
