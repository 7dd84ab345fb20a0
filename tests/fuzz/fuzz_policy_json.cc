// The clinic policy file (--policy-file): JSON an operator writes, read at
// start-up. A policy the server accepts must leave every rule working.

#include <cstddef>
#include <cstdint>
#include <string>

#include "services/intake/policy.h"
#include "services/intake/rules/score_assessment.h"
#include "services/prescription/policy.h"
#include "services/progress/policy.h"
#include "services/server/policy_file.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace corebalance;

// A complete INITIAL assessment; `odi` is every section's answer (0..5).
intake::AssessmentInput SampleAssessment(int odi, int weeks) {
  intake::AssessmentInput in;
  in.assessed_on = absl::CivilDay(2025, 6, 15);
  in.pain_duration_weeks = weeks;
  in.nprs_now = 6;
  in.odi_sections.assign(10, odi);
  in.start_back_answers = {1, 1, 0, 1, 1, 0, 1, 1, 3};
  return in;
}

void ExerciseIntake(const intake::ScoringPolicy& policy) {
  for (int odi : {0, 2, 5}) {
    for (int weeks : {0, 8, 52}) {
      FUZZ_CHECK(
          intake::ScoreAssessment(SampleAssessment(odi, weeks), policy).ok());
    }
  }
}

void ExercisePrescription(const prescription::DoseRules& rules) {
  const prescription::Dose standard_doses[] = {
      {.sets = 3, .reps = 10, .frequency_per_week = 5},
      {.sets = 2, .hold_seconds = 30},
      {.duration_minutes = 20},
      {.sets = 1, .reps = 1, .hold_seconds = 1},
  };
  for (const prescription::Dose& standard : standard_doses) {
    const prescription::Dose reduced =
        prescription::ReduceDose(standard, rules.reduced);
    FUZZ_CHECK(reduced.sets <= standard.sets);
    FUZZ_CHECK(reduced.reps <= standard.reps);
    FUZZ_CHECK(reduced.hold_seconds <= standard.hold_seconds);
    FUZZ_CHECK(reduced.duration_minutes <= standard.duration_minutes);
    prescription::ValidateDose(reduced, "dose", rules.limits);
  }
}

void ExerciseProgress(const progress::ProgressRules& rules) {
  for (int worst : {0, 5, 10}) {
    progress::SessionPain pain{.pain_before = 3,
                               .worst_during = worst,
                               .after = worst / 2,
                               .pain_24h = 4};
    FUZZ_CHECK(progress::ClassifySession(pain, 4, rules.traffic_light).ok());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto policy = server::ParsePolicyJson(
      std::string(reinterpret_cast<const char*>(data), size));
  if (!policy.ok()) return 0;
  if (auto scoring = intake::ScoringPolicyFromConfig(policy->intake());
      scoring.ok()) {
    ExerciseIntake(*scoring);
  }
  if (auto doses = prescription::DoseRulesFromConfig(policy->prescription());
      doses.ok()) {
    ExercisePrescription(*doses);
  }
  if (auto rules = progress::ProgressRulesFromConfig(policy->progress());
      rules.ok()) {
    ExerciseProgress(*rules);
  }
  return 0;
}
