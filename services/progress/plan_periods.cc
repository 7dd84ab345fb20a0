#include "services/progress/plan_periods.h"

#include <algorithm>

#include "services/common/sql_time.h"

namespace corebalance::progress {
namespace {

template <typename Revisions>
std::vector<ActivePeriod> PeriodsOf(const Revisions& revisions) {
  std::vector<PlanStatusChange> changes;
  for (const v1::PlanRevision& r : revisions) {
    changes.push_back({FromProtoTime(r.create_time()),
                       r.state() == v1::Plan::STATE_ACTIVE,
                       FrequencyPerWeek(r.exercises())});
  }
  return ActivePeriodsFromHistory(changes);
}

}  // namespace

int FrequencyPerWeek(
    const google::protobuf::RepeatedPtrField<v1::PlanExercise>& exercises) {
  int frequency = 0;
  for (const auto& e : exercises) {
    frequency = std::max(frequency, e.dose().frequency_per_week());
  }
  return frequency;
}

std::vector<ActivePeriod> ActivePeriodsOf(
    const google::protobuf::RepeatedPtrField<v1::PlanRevision>& revisions) {
  return PeriodsOf(revisions);
}

std::vector<ActivePeriod> ActivePeriodsOf(
    const std::vector<v1::PlanRevision>& revisions) {
  return PeriodsOf(revisions);
}

}  // namespace corebalance::progress
