#ifndef COREBALANCE_SERVICES_INTAKE_RULES_STARTING_PLAN_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_STARTING_PLAN_H_

// The program phase and dose level a patient starts at, from intake scores.

#include <optional>
#include <string>
#include <vector>

#include "services/intake/rules/odi.h"
#include "services/intake/rules/program_phase.h"
#include "services/intake/rules/scoring_policy.h"
#include "services/intake/rules/start_back.h"

namespace corebalance::intake {

struct StartingPlan {
  ProgramPhase phase = ProgramPhase::kFoundation;
  DoseLevel dose = DoseLevel::kStandard;
  // In words, e.g. "ODI 42 % is above 40 %: reduced dose".
  std::vector<std::string> reasons;
};

// Starts at policy.starting_phase (Foundation). Dose is REDUCED when the ODI
// is scorable and above policy.reduced_dose_odi_above_percent (strictly: 40 %
// itself stays STANDARD), or when STarT Back is HIGH; otherwise STANDARD.
// An unscorable ODI or a missing STarT Back cannot reduce the dose, and the
// reasons say so. The disposition (REFER) is decided separately.
StartingPlan RecommendStartingPlan(
    const OdiScore& odi, const std::optional<StartBackScore>& start_back,
    const ScoringPolicy& policy);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_STARTING_PLAN_H_
