#ifndef COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_PLAN_EVENTS_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_PLAN_EVENTS_H_

// The domain events of plans: one per change, carrying the plan as it is
// after it, so that subscribers never read back.

#include "services/outbox/outbox_event.h"
#include "services/prescription/plan_history.h"
#include "services/prescription/records.h"

namespace corebalance::prescription {

// "plan.paused", "plan.resumed", ... for a state change.
const char* PlanEventType(PlanAction action);

// Adds a `type` event of `plan` (at its revision) to `events`.
void AddPlanEvent(const char* type, const PlanRecord& plan,
                  outbox::ChangeEvents& events);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_PLAN_EVENTS_H_
