#ifndef COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_ADJUST_PLAN_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_ADJUST_PLAN_H_

// AdjustPlan: a new revision of an open plan (another template, other
// exercises or another dose level), with its reason. Without an etag a
// change that got in first is retried on top of it; with one it is refused.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/prescription/names.h"
#include "services/prescription/plan_builder.h"
#include "services/prescription/policy.h"
#include "services/prescription/records.h"
#include "services/prescription/repositories/catalogue_repository.h"
#include "services/prescription/repositories/plan_repository.h"

namespace corebalance::prescription {

struct AdjustPlanInput {
  PlanKey plan;
  // Empty: no optimistic check.
  std::string etag;
  std::string reason;
  // What changes; nullopt keeps the plan's own.
  std::optional<std::string> template_slug;
  std::optional<std::vector<RequestedExercise>> exercises;
  std::optional<v1::DoseLevel> dose_level;
};

class AdjustPlan {
 public:
  AdjustPlan(outbox::Transactions* tx, CatalogueRepository* catalogue,
             PlanRepository* plans, DoseRules rules)
      : tx_(tx), catalogue_(catalogue), plans_(plans), rules_(rules) {}

  // The plan at its new revision. FAILED_PRECONDITION when the plan is not
  // open; ABORTED when `etag` is not the plan's.
  absl::StatusOr<PlanRecord> Run(const Caller& caller,
                                 const AdjustPlanInput& input,
                                 outbox::ChangeEvents& events);

 private:
  absl::StatusOr<PlanRecord> TryOnce(const Caller& caller,
                                     const AdjustPlanInput& input,
                                     outbox::ChangeEvents& events);

  outbox::Transactions* tx_;
  CatalogueRepository* catalogue_;
  PlanRepository* plans_;
  const DoseRules rules_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_ADJUST_PLAN_H_
