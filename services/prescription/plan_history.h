#ifndef COREBALANCE_SERVICES_PRESCRIPTION_PLAN_HISTORY_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_PLAN_HISTORY_H_

// Every change to a plan as a new plan row plus the revision that records
// who changed what and why. Pure: the store writes what these return.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/prescription/records.h"
#include "services/prescription/rules/plan_state.h"

namespace corebalance::prescription {

PlanState ToPlanState(v1::Plan::State state);
v1::Plan::State ToProtoState(PlanState state);

// One line per difference, e.g. "plan_template: planTemplates/foundation ->
// planTemplates/stability", "added exercises/bird-dog: 2 x 8 reps per side",
// "removed exercises/cat-camel", "exercises/glute-bridge: 1 x 10 reps ->
// 2 x 10 reps", "exercises reordered". {"no change"} when equal.
std::vector<std::string> DescribeChanges(const PlanContent& before,
                                         const PlanContent& after);

// Revision 1 of `plan` (id, clinic, patient, content, assessment, override
// and assigned_by set): ACTIVE, assigned at `now`.
PlanChange AssignedPlan(PlanRecord plan, absl::Time now);

// `current` with new content, as a new revision by `actor` for `reason`.
// FAILED_PRECONDITION (PreconditionFailure) for a COMPLETED or CANCELLED
// plan.
absl::StatusOr<PlanChange> AdjustedPlan(const PlanRecord& current,
                                        PlanContent content,
                                        const std::string& actor,
                                        const std::string& reason,
                                        absl::Time now);

// `current` after pause, resume, complete or cancel. FAILED_PRECONDITION
// (PreconditionFailure naming the plan) when the state does not allow it,
// e.g. resuming an ACTIVE plan.
absl::StatusOr<PlanChange> PlanAfter(const PlanRecord& current,
                                     PlanAction action,
                                     const std::string& actor,
                                     const std::string& reason, absl::Time now);

// `current` (ACTIVE or PAUSED) COMPLETED because `successor_id` was assigned
// to the same patient.
PlanChange SupersededPlan(const PlanRecord& current,
                          const std::string& successor_id,
                          const std::string& actor, absl::Time now);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_PLAN_HISTORY_H_
