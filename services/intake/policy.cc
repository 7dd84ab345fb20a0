#include "services/intake/policy.h"

#include "absl/strings/str_cat.h"

namespace corebalance::intake {
namespace {

using config::v1::IntakePolicy;

void Apply(const IntakePolicy::ImportantChange& config,
           ImportantChangeThreshold& threshold) {
  if (config.has_points()) threshold.points = config.points();
  if (config.has_percent()) threshold.percent = config.percent();
}

}  // namespace

absl::StatusOr<ScoringPolicy> ScoringPolicyFromConfig(
    const IntakePolicy& config) {
  ScoringPolicy policy;
  if (config.has_acute_below_weeks()) {
    policy.acute_below_weeks = config.acute_below_weeks();
  }
  if (config.has_chronic_above_weeks()) {
    policy.chronic_above_weeks = config.chronic_above_weeks();
  }
  if (config.has_min_odi_sections()) {
    policy.min_odi_sections = config.min_odi_sections();
  }
  if (config.has_reduced_dose_odi_above_percent()) {
    policy.reduced_dose_odi_above_percent =
        config.reduced_dose_odi_above_percent();
  }
  if (config.has_reduce_dose_for_high_start_back()) {
    policy.reduce_dose_for_high_start_back =
        config.reduce_dose_for_high_start_back();
  }
  switch (config.starting_phase()) {
    case IntakePolicy::PROGRAM_PHASE_UNSPECIFIED:
      break;
    case IntakePolicy::PROGRAM_PHASE_FOUNDATION:
      policy.starting_phase = ProgramPhase::kFoundation;
      break;
    case IntakePolicy::PROGRAM_PHASE_STABILITY:
      policy.starting_phase = ProgramPhase::kStability;
      break;
    case IntakePolicy::PROGRAM_PHASE_STRENGTH_BALANCE:
      policy.starting_phase = ProgramPhase::kStrengthAndBalance;
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("clinic policy intake.startingPhase: unknown value ",
                       config.starting_phase()));
  }
  Apply(config.nprs_important_change(), policy.nprs_important_change);
  Apply(config.odi_important_change(), policy.odi_important_change);
  if (absl::Status s = ValidateScoringPolicy(policy); !s.ok()) {
    // The scoring module names fields in snake_case, the file in camelCase;
    // the policy file's section makes it findable either way.
    return absl::InvalidArgumentError(
        absl::StrCat("clinic policy, section \"intake\": ", s.message()));
  }
  return policy;
}

}  // namespace corebalance::intake
