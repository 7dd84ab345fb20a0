#ifndef COREBALANCE_TESTS_UNIT_PROGRESS_PROGRESS_TEST_SUPPORT_H_
#define COREBALANCE_TESTS_UNIT_PROGRESS_PROGRESS_TEST_SUPPORT_H_

// Small builders shared by the progress rule tests.

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/prescription/rules/catalogue_seed.h"
#include "services/progress/rules/recommend.h"
#include "services/progress/rules/session_record.h"

namespace corebalance::progress::test_support {

// A UTC instant.
inline absl::Time Utc(int year, int month, int day, int hour = 0,
                      int minute = 0, int second = 0) {
  return absl::FromCivil(
      absl::CivilSecond(year, month, day, hour, minute, second),
      absl::UTCTimeZone());
}

inline absl::Time Utc(absl::CivilDay day, int hour = 0) {
  return absl::FromCivil(
      absl::CivilHour(day.year(), day.month(), day.day(), hour),
      absl::UTCTimeZone());
}

inline SessionRecord Session(std::string id, absl::Time at, TrafficLight light,
                             std::optional<int> pain_before = std::nullopt,
                             std::vector<std::string> done = {},
                             std::vector<std::string> skipped = {}) {
  return {.id = std::move(id),
          .performed_at = at,
          .light = light,
          .pain_before = pain_before,
          .exercises_done = std::move(done),
          .exercises_skipped = std::move(skipped)};
}

// The clinic's catalogue as the recommendation rules see it.
inline ExerciseDirectory CatalogueDirectory() {
  ExerciseDirectory directory;
  for (const prescription::CatalogueExercise& exercise :
       prescription::CatalogueSeed()) {
    directory[exercise.slug] = {exercise.name, exercise.regression_slug,
                                exercise.progression_slug};
  }
  return directory;
}

}  // namespace corebalance::progress::test_support

#endif  // COREBALANCE_TESTS_UNIT_PROGRESS_PROGRESS_TEST_SUPPORT_H_
