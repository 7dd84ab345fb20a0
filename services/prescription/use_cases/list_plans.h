#ifndef COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_LIST_PLANS_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_LIST_PLANS_H_

// ListPlans: a page of the clinic's plans, or one patient's. A patient the
// caller cannot see (another clinic's, or none) is NOT_FOUND, as in every
// method (README "API conventions"): a patient's empty first page asks
// intake whether the patient exists, so a known patient without plans is
// still an empty list.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/common/caller.h"
#include "services/common/page_token.h"
#include "services/peers/intake_client.h"
#include "services/prescription/records.h"
#include "services/prescription/repositories/plan_repository.h"

namespace corebalance::prescription {

struct PlanListQuery {
  std::string patient_id;  // empty: every patient
  v1::Plan::State state = v1::Plan::STATE_UNSPECIFIED;
  std::optional<PageCursor> cursor;
  int limit = 0;
};

class ListPlans {
 public:
  explicit ListPlans(PlanRepository* plans) : plans_(plans) {}
  // Set once the server runs (the in-process channels exist only then).
  void Wire(peers::IntakeClient* intake) { intake_ = intake; }

  absl::StatusOr<std::vector<PlanRecord>> Run(const Caller& caller,
                                              const PlanListQuery& query);

 private:
  PlanRepository* plans_;
  peers::IntakeClient* intake_ = nullptr;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_LIST_PLANS_H_
