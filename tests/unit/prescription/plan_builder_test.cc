#include "services/prescription/plan_builder.h"

#include <map>
#include <string>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"

namespace corebalance::prescription {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

const Dose kBridge{.sets = 1, .reps = 10, .hold_seconds = 5};
const Dose kBridgeInTemplate{
    .sets = 2, .reps = 10, .hold_seconds = 5, .frequency_per_week = 7};
const Dose kWalk{.duration_minutes = 20, .frequency_per_week = 5};
const Dose kBirdDog{.sets = 2, .reps = 8, .hold_seconds = 5, .per_side = true};

const std::map<std::string, Dose> kKnown = {
    {"glute-bridge", kBridge}, {"walking", kWalk}, {"bird-dog", kBirdDog}};
const std::vector<PlanExerciseRecord> kTemplate = {
    {"glute-bridge", kBridgeInTemplate}, {"walking", kWalk}};

// field -> description of the BadRequest carried by `status`.
std::map<std::string, std::string> Violations(const absl::Status& status) {
  std::map<std::string, std::string> out;
  auto payload = status.GetPayload("type.googleapis.com/google.rpc.BadRequest");
  if (!payload) return out;
  google::rpc::BadRequest bad;
  bad.ParseFromString(std::string(*payload));
  for (const auto& v : bad.field_violations()) out[v.field()] = v.description();
  return out;
}

absl::StatusOr<std::vector<PlanExerciseRecord>> Build(
    const std::vector<RequestedExercise>& requested, v1::DoseLevel level,
    const DoseRules& rules = {}) {
  return BuildPlanExercises(requested, kTemplate, level, kKnown, rules,
                            "plan.exercises");
}

TEST(BuildPlanExercises, NoRequestMeansTheTemplateAtItsDoses) {
  auto built = Build({}, v1::DOSE_LEVEL_STANDARD);
  ASSERT_TRUE(built.ok()) << built.status();
  EXPECT_EQ(*built, kTemplate);
}

TEST(BuildPlanExercises, ReducedLowersDerivedDosesOnly) {
  auto from_template = Build({}, v1::DOSE_LEVEL_REDUCED);
  ASSERT_TRUE(from_template.ok()) << from_template.status();
  ASSERT_EQ(from_template->size(), 2u);
  EXPECT_EQ((*from_template)[0].dose, ReduceDose(kBridgeInTemplate));
  EXPECT_EQ((*from_template)[1].dose, ReduceDose(kWalk));

  const Dose given{.sets = 3, .reps = 12, .frequency_per_week = 4};
  auto mixed = Build({{"exercises/glute-bridge", given},
                      {"exercises/bird-dog", std::nullopt},
                      {"exercises/walking", std::nullopt}},
                     v1::DOSE_LEVEL_REDUCED);
  ASSERT_TRUE(mixed.ok()) << mixed.status();
  EXPECT_THAT(*mixed,
              ElementsAre(PlanExerciseRecord{"glute-bridge", given},
                          PlanExerciseRecord{"bird-dog", ReduceDose(kBirdDog)},
                          PlanExerciseRecord{"walking", ReduceDose(kWalk)}));
}

TEST(BuildPlanExercises, AMissingDoseIsTheTemplatesElseTheDefault) {
  auto built = Build({{"exercises/bird-dog", std::nullopt},
                      {"exercises/glute-bridge", std::nullopt}},
                     v1::DOSE_LEVEL_STANDARD);
  ASSERT_TRUE(built.ok()) << built.status();
  EXPECT_THAT(*built, ElementsAre(PlanExerciseRecord{"bird-dog", kBirdDog},
                                  PlanExerciseRecord{"glute-bridge",
                                                     kBridgeInTemplate}));
}

TEST(BuildPlanExercises, ListsEveryBadEntryByField) {
  const Dose zero{};
  const Dose too_often{.sets = 1, .reps = 5, .frequency_per_week = 15};
  auto built = Build({{"exercises/moonwalk", std::nullopt},
                      {"glute-bridge", std::nullopt},
                      {"exercises/walking", std::nullopt},
                      {"exercises/walking", std::nullopt},
                      {"exercises/bird-dog", zero}},
                     v1::DOSE_LEVEL_STANDARD);
  EXPECT_EQ(built.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      Violations(built.status()),
      UnorderedElementsAre(Pair("plan.exercises[0].exercise", ::testing::_),
                           Pair("plan.exercises[1].exercise", ::testing::_),
                           Pair("plan.exercises[3].exercise", ::testing::_)));
  // Doses are judged once the names are right.
  auto doses = Build(
      {{"exercises/bird-dog", zero}, {"exercises/glute-bridge", too_often}},
      v1::DOSE_LEVEL_STANDARD);
  EXPECT_THAT(
      Violations(doses.status()),
      UnorderedElementsAre(
          Pair("plan.exercises[0].dose", ::testing::_),
          Pair("plan.exercises[1].dose.frequency_per_week", ::testing::_)));
}

TEST(BuildPlanExercises, TheClinicsLimitsApply) {
  DoseRules strict;
  strict.limits.max_hold_seconds = 4;
  auto built = Build({}, v1::DOSE_LEVEL_STANDARD, strict);
  EXPECT_THAT(Violations(built.status()),
              UnorderedElementsAre(
                  Pair("plan.exercises[0].dose.hold_seconds", ::testing::_)));
}

TEST(BuildTemplateExercises, EveryExerciseNeedsADose) {
  FieldViolations violations;
  auto built = BuildTemplateExercises(
      {{"exercises/walking", kWalk}, {"exercises/bird-dog", std::nullopt}},
      kKnown, {}, "plan_template.exercises", violations);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "plan_template.exercises[1].dose");
  EXPECT_THAT(built, ElementsAre(PlanExerciseRecord{"walking", kWalk}));

  violations.clear();
  BuildTemplateExercises({}, kKnown, {}, "plan_template.exercises", violations);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "plan_template.exercises");
}

TEST(RequestedSlugs, KeepsWellFormedNames) {
  EXPECT_THAT(RequestedSlugs({{"exercises/walking", std::nullopt},
                              {"walking", std::nullopt},
                              {"exercises/Bad", std::nullopt}}),
              ElementsAre("walking"));
}

}  // namespace
}  // namespace corebalance::prescription
