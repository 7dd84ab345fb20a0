#ifndef COREBALANCE_SERVICES_PRESCRIPTION_PLAN_BUILDER_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_PLAN_BUILDER_H_

// Which exercises a plan or template prescribes, at which doses: the rules of
// AssignPlan, AdjustPlan and the template writes, without gRPC or SQL.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "corebalance/v1/common.pb.h"
#include "services/prescription/policy.h"
#include "services/prescription/records.h"

namespace corebalance::prescription {

// An exercise as a request names it ("exercises/{slug}"); no dose means
// "derive it".
struct RequestedExercise {
  std::string name;
  std::optional<Dose> dose;
};

// The slugs of the well-formed names in `requested`, to look up.
std::vector<std::string> RequestedSlugs(
    const std::vector<RequestedExercise>& requested);

// The exercises of a plan. With `requested` empty: the template's exercises
// at the template's doses. Otherwise exactly `requested`, in order, each at
// its given dose, else at the template's dose for it, else at its default
// dose. Derived doses are lowered by ReduceDose for DOSE_LEVEL_REDUCED; given
// doses are used as they are. `default_doses` holds the exercises visible to
// the clinic by slug (at least those `requested` names).
//
// INVALID_ARGUMENT listing every problem, fields named `field`[i].exercise or
// `field`[i].dose...: a malformed or unknown exercise, an exercise named
// twice, a dose ValidateDose refuses.
absl::StatusOr<std::vector<PlanExerciseRecord>> BuildPlanExercises(
    const std::vector<RequestedExercise>& requested,
    const std::vector<PlanExerciseRecord>& template_exercises,
    v1::DoseLevel dose_level, const std::map<std::string, Dose>& default_doses,
    const DoseRules& rules, absl::string_view field);

// The exercises of a template: at least one, each known, named once and
// with a valid dose. Violations are appended to `out`, named as above.
std::vector<PlanExerciseRecord> BuildTemplateExercises(
    const std::vector<RequestedExercise>& requested,
    const std::map<std::string, Dose>& default_doses, const DoseLimits& limits,
    absl::string_view field, FieldViolations& out);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_PLAN_BUILDER_H_
