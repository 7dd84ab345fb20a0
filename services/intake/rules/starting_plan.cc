#include "services/intake/rules/starting_plan.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/intake/rules/rounding.h"

namespace corebalance::intake {

StartingPlan RecommendStartingPlan(
    const OdiScore& odi, const std::optional<StartBackScore>& start_back,
    const ScoringPolicy& policy) {
  StartingPlan plan;
  plan.phase = policy.starting_phase;
  plan.reasons.push_back(
      absl::StrCat("intake starts at the ",
                   std::string(ProgramPhaseTitle(plan.phase)), " phase"));

  const double limit = policy.reduced_dose_odi_above_percent;
  bool reduce = false;
  if (!odi.percent.has_value()) {
    plan.reasons.push_back(absl::StrCat(
        "ODI not scorable (", odi.sections_answered, " of ", kOdiSectionCount,
        " sections answered): dose not judged on ODI"));
  } else if (*odi.percent > limit) {
    reduce = true;
    plan.reasons.push_back(absl::StrCat("ODI ", RoundToOneDecimal(*odi.percent),
                                        " % is above ", limit,
                                        " %: reduced dose"));
  } else {
    plan.reasons.push_back(absl::StrCat("ODI ", RoundToOneDecimal(*odi.percent),
                                        " % is at most ", limit, " %"));
  }

  if (!start_back.has_value()) {
    plan.reasons.push_back(
        "STarT Back not administered: dose not judged on it");
  } else if (start_back->risk == StartBackRisk::kHigh &&
             policy.reduce_dose_for_high_start_back) {
    reduce = true;
    plan.reasons.push_back("STarT Back high risk: reduced dose");
  } else {
    plan.reasons.push_back(absl::StrCat(
        "STarT Back ",
        absl::AsciiStrToLower(std::string(StartBackRiskName(start_back->risk))),
        " risk"));
  }

  plan.dose = reduce ? DoseLevel::kReduced : DoseLevel::kStandard;
  if (!reduce) plan.reasons.push_back("standard dose");
  return plan;
}

}  // namespace corebalance::intake
