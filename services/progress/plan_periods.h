#ifndef COREBALANCE_SERVICES_PROGRESS_PLAN_PERIODS_H_
#define COREBALANCE_SERVICES_PROGRESS_PLAN_PERIODS_H_

// When a plan was ACTIVE and at what frequency, from its revisions as
// PrescriptionService returns them.

#include <vector>

#include "corebalance/v1/prescription.pb.h"
#include "services/progress/rules/adherence.h"

namespace corebalance::progress {

// The plan's sessions per week: its most frequent exercise's frequency.
int FrequencyPerWeek(
    const google::protobuf::RepeatedPtrField<v1::PlanExercise>& exercises);

// The ACTIVE periods of a plan from its revisions (any order).
std::vector<ActivePeriod> ActivePeriodsOf(
    const google::protobuf::RepeatedPtrField<v1::PlanRevision>& revisions);
std::vector<ActivePeriod> ActivePeriodsOf(
    const std::vector<v1::PlanRevision>& revisions);

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_PLAN_PERIODS_H_
