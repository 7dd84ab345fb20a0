#ifndef COREBALANCE_SERVICES_INTAKE_RULES_CHRONICITY_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_CHRONICITY_H_

// How long the pain has lasted, as a category.
//
// Edges (cut-offs from ScoringPolicy, defaults 6 and 12 weeks):
//   acute     duration <  6 weeks            (0..41 days)
//   subacute  6 weeks <= duration <= 12 weeks (42..84 days)
//   chronic   duration >  12 weeks            (85 days and more)
// So exactly 6 weeks and exactly 12 weeks are subacute; 12 weeks and one day
// is chronic, which matches the reference's "more than three months". A
// duration given in whole weeks uses the same rule (12 -> subacute,
// 13 -> chronic). The onset day itself counts as day 0.

#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/time/civil_time.h"
#include "services/intake/rules/scoring_policy.h"

namespace corebalance::intake {

enum class Chronicity { kAcute, kSubacute, kChronic };

// "ACUTE", "SUBACUTE", "CHRONIC".
std::string_view ChronicityName(Chronicity chronicity);

// Precondition: days >= 0.
Chronicity ChronicityForDays(int64_t days, const ScoringPolicy& policy);

// Precondition: weeks >= 0.
Chronicity ChronicityForWeeks(int64_t weeks, const ScoringPolicy& policy);

// From the onset date when given (it is the more precise), else from the
// duration in weeks; nullopt when neither is known. Precondition: onset is
// not after `assessed_on`, weeks not negative.
std::optional<Chronicity> DeriveChronicity(absl::CivilDay assessed_on,
                                           std::optional<absl::CivilDay> onset,
                                           std::optional<int> duration_weeks,
                                           const ScoringPolicy& policy);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_CHRONICITY_H_
