#ifndef COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_ASSIGN_PLAN_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_ASSIGN_PLAN_H_

// AssignPlan: the plan a patient follows next, from their latest
// assessment. It closes the patient's open plan (superseded), writes the
// new one with its first revision, and commits both with their events.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/peers/intake_client.h"
#include "services/prescription/plan_builder.h"
#include "services/prescription/policy.h"
#include "services/prescription/records.h"
#include "services/prescription/repositories/catalogue_repository.h"
#include "services/prescription/repositories/plan_repository.h"
#include "services/store/request_ids.h"

namespace corebalance::prescription {

struct AssignPlanInput {
  std::string patient_id;
  // Empty: the assessment's starting template (else the first seeded one).
  std::string template_slug;
  // UNSPECIFIED: the assessment's level (else STANDARD).
  v1::DoseLevel dose_level = v1::DOSE_LEVEL_UNSPECIFIED;
  // Empty: the template's exercises.
  std::vector<RequestedExercise> exercises;
  // Required to start a program over a REFER disposition.
  std::string override_reason;
  store::RequestKey request_key;
};

class AssignPlan {
 public:
  AssignPlan(outbox::Transactions* tx, CatalogueRepository* catalogue,
             PlanRepository* plans, DoseRules rules)
      : tx_(tx), catalogue_(catalogue), plans_(plans), rules_(rules) {}
  // Set once the server runs (the in-process channel exists only then).
  void Wire(peers::IntakeClient* intake) { intake_ = intake; }

  // The plan assigned. A retry with the same request id gets the first
  // call's plan, even if the intake changed since, and commits nothing
  // (events.committed stays false). FAILED_PRECONDITION without an
  // assessment, or over REFER without an override reason.
  absl::StatusOr<PlanRecord> Run(const Caller& caller,
                                 const AssignPlanInput& input,
                                 outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  CatalogueRepository* catalogue_;
  PlanRepository* plans_;
  const DoseRules rules_;
  peers::IntakeClient* intake_ = nullptr;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_ASSIGN_PLAN_H_
