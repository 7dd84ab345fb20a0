#include "services/prescription/use_cases/plan_events.h"

#include "services/prescription/convert.h"
#include "services/prescription/names.h"

namespace corebalance::prescription {

const char* PlanEventType(PlanAction action) {
  switch (action) {
    case PlanAction::kPause:
      return "plan.paused";
    case PlanAction::kResume:
      return "plan.resumed";
    case PlanAction::kComplete:
      return "plan.completed";
    case PlanAction::kCancel:
      return "plan.cancelled";
    case PlanAction::kAdjust:
      break;
  }
  return "plan.adjusted";
}

void AddPlanEvent(const char* type, const PlanRecord& plan,
                  outbox::ChangeEvents& events) {
  events.Add(type, PlanName(plan.patient_id, plan.id),
             PatientName(plan.patient_id), plan.revision, ToProto(plan));
}

}  // namespace corebalance::prescription
