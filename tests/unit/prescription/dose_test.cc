#include "services/prescription/rules/dose.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::prescription {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kPrefix[] = "plan.exercises[2].dose";

std::vector<std::string> FieldsOf(const FieldViolations& violations) {
  std::vector<std::string> fields;
  for (const FieldViolation& violation : violations) {
    fields.push_back(violation.field);
  }
  return fields;
}

struct ValidCase {
  const char* what;
  Dose dose;
};

TEST(ValidateDose, AcceptsTheShapesTheCatalogueUses) {
  const ValidCase cases[] = {
      {"reps with hold", {.sets = 1, .reps = 10, .hold_seconds = 10}},
      {"reps per side", {.sets = 2, .reps = 8, .per_side = true}},
      {"holds only", {.sets = 2, .hold_seconds = 30, .per_side = true}},
      {"timed walk", {.duration_minutes = 30, .frequency_per_week = 5}},
      {"twice a day", {.sets = 1, .reps = 5, .frequency_per_week = 14}},
      {"ten minute hold", {.sets = 1, .hold_seconds = 600}},
      {"with rest", {.sets = 3, .reps = 10, .rest_seconds = 60}},
  };
  for (const ValidCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_THAT(ValidateDose(c.dose, kPrefix), IsEmpty());
  }
}

struct InvalidCase {
  const char* what;
  Dose dose;
  std::vector<std::string> fields;
};

TEST(ValidateDose, NamesEachInvalidFieldWithThePrefix) {
  const InvalidCase cases[] = {
      {"negative sets",
       {.sets = -1, .reps = 10},
       {"plan.exercises[2].dose.sets"}},
      {"negative reps",
       {.sets = 1, .reps = -3, .hold_seconds = 5},
       {"plan.exercises[2].dose.reps"}},
      {"negative rest",
       {.sets = 1, .reps = 3, .rest_seconds = -30},
       {"plan.exercises[2].dose.rest_seconds"}},
      {"negative minutes",
       {.duration_minutes = -10},
       {"plan.exercises[2].dose.duration_minutes"}},
      {"negative frequency",
       {.sets = 1, .reps = 3, .frequency_per_week = -1},
       {"plan.exercises[2].dose.frequency_per_week"}},
      {"frequency 15",
       {.duration_minutes = 10, .frequency_per_week = 15},
       {"plan.exercises[2].dose.frequency_per_week"}},
      {"hold 601 s",
       {.sets = 1, .hold_seconds = 601},
       {"plan.exercises[2].dose.hold_seconds"}},
      {"reps without sets", {.reps = 10}, {"plan.exercises[2].dose.sets"}},
      {"hold without sets",
       {.hold_seconds = 30},
       {"plan.exercises[2].dose.sets"}},
      {"nothing prescribed",
       {.sets = 2, .frequency_per_week = 5},
       {"plan.exercises[2].dose"}},
      {"all zero", {}, {"plan.exercises[2].dose"}},
      {"two problems",
       {.sets = 1, .hold_seconds = 900, .frequency_per_week = 21},
       {"plan.exercises[2].dose.frequency_per_week",
        "plan.exercises[2].dose.hold_seconds"}},
  };
  for (const InvalidCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(FieldsOf(ValidateDose(c.dose, kPrefix)), c.fields);
  }
}

TEST(ValidateDose, DescriptionsSayWhatIsAllowed) {
  EXPECT_THAT(ValidateDose({.sets = 1, .hold_seconds = 601}, "dose"),
              ElementsAre(Field(&FieldViolation::description,
                                HasSubstr("at most 600 seconds"))));
  EXPECT_THAT(
      ValidateDose({.duration_minutes = 5, .frequency_per_week = 15}, "dose"),
      ElementsAre(Field(&FieldViolation::description,
                        HasSubstr("at most 14 per week"))));
  EXPECT_THAT(ValidateDose({.sets = -2, .reps = 5}, "dose"),
              ElementsAre(Field(&FieldViolation::description,
                                HasSubstr("must not be negative"))));
}

TEST(ValidateDose, LimitsComeFromThePolicy) {
  const DoseLimits strict{.max_frequency_per_week = 7, .max_hold_seconds = 60};
  EXPECT_THAT(FieldsOf(ValidateDose(
                  {.sets = 1, .hold_seconds = 61, .frequency_per_week = 8}, "d",
                  strict)),
              ElementsAre("d.frequency_per_week", "d.hold_seconds"));
  EXPECT_THAT(
      ValidateDose({.sets = 1, .hold_seconds = 60, .frequency_per_week = 7},
                   "d", strict),
      IsEmpty());
}

struct DescribeCase {
  Dose dose;
  std::string expected;
};

TEST(DescribeDose, ReadsLikeAPrescription) {
  const DescribeCase cases[] = {
      {{.sets = 2,
        .reps = 8,
        .hold_seconds = 5,
        .frequency_per_week = 5,
        .per_side = true},
       "2 x 8 reps per side, 5 s hold, 5x/week"},
      {{.sets = 2, .hold_seconds = 30, .per_side = true},
       "2 x 30 s hold per side"},
      {{.duration_minutes = 10, .frequency_per_week = 5}, "10 min, 5x/week"},
      {{.sets = 3, .reps = 10, .rest_seconds = 60}, "3 x 10 reps, 60 s rest"},
      {{.reps = 5}, "5 reps"},
  };
  for (const DescribeCase& c : cases) {
    EXPECT_EQ(DescribeDose(c.dose), c.expected);
  }
}

}  // namespace
}  // namespace corebalance::prescription
