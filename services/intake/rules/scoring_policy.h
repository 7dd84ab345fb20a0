#ifndef COREBALANCE_SERVICES_INTAKE_RULES_SCORING_POLICY_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_SCORING_POLICY_H_

// The clinic-policy values of the clinical reference, with its defaults.
// Published constants (ODI bands, STarT Back cut-offs) are not here.

#include "absl/status/status.h"
#include "services/intake/rules/program_phase.h"

namespace corebalance::intake {

// "Clinically important improvement": a drop of at least `points`, or of at
// least `percent` of the baseline.
struct ImportantChangeThreshold {
  double points = 0;
  double percent = 0;
};

struct ScoringPolicy {
  // Chronicity: acute below `acute_below_weeks`, chronic above
  // `chronic_above_weeks`, subacute in between (both ends included).
  int acute_below_weeks = 6;
  int chronic_above_weeks = 12;

  // ODI has no valid score with fewer sections answered.
  int min_odi_sections = 7;

  // Starting dose: reduced when ODI % is above this, or when STarT Back is
  // HIGH and `reduce_dose_for_high_start_back`.
  double reduced_dose_odi_above_percent = 40.0;
  bool reduce_dose_for_high_start_back = true;
  ProgramPhase starting_phase = ProgramPhase::kFoundation;

  ImportantChangeThreshold nprs_important_change = {2.0, 30.0};
  ImportantChangeThreshold odi_important_change = {10.0, 30.0};
};

// INVALID_ARGUMENT naming the first inconsistent value (e.g. a policy loaded
// from a config file with acute_below_weeks > chronic_above_weeks).
absl::Status ValidateScoringPolicy(const ScoringPolicy& policy);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_SCORING_POLICY_H_
