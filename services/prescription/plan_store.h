#ifndef COREBALANCE_SERVICES_PRESCRIPTION_PLAN_STORE_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_PLAN_STORE_H_

// SQL for assigned plans and their revisions. Every query is filtered by
// the caller's clinic.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/common/page_token.h"
#include "services/outbox/outbox.h"
#include "services/outbox/outbox_event.h"
#include "services/prescription/records.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"

namespace corebalance::prescription {

// An ACTIVE plan with every revision, oldest first.
struct ActivePlanRecord {
  PlanRecord plan;
  std::vector<RevisionRecord> revisions;
};

class PlanStore {
 public:
  // A plan has at most this many revisions read back (years of weekly
  // adjustments).
  static constexpr int kMaxRevisions = 1000;

  // How a plan still open when a new one is assigned is closed (see
  // SupersededPlan in plan_history.h).
  using Supersede = std::function<PlanChange(const PlanRecord& open)>;

  PlanStore(store::Pool* pool, outbox::Outbox* outbox)
      : pool_(pool), outbox_(outbox) {}

  // The plan an earlier AssignPlan with this request key assigned, if any
  // (INVALID_ARGUMENT when the id was used for another request).
  absl::StatusOr<std::optional<PlanRecord>> FindAssigned(
      const store::RequestKey& key, absl::Time deadline);

  // Writes a newly assigned plan and its first revision. In the same
  // transaction, under the patient's lock row (so concurrent assignments for
  // one patient run one after the other), every ACTIVE or PAUSED plan of the
  // patient is closed as `supersede` says. With a request id, a retry
  // returns the first call's plan and writes nothing. `events` get
  // "plan.assigned" (and "plan.superseded" for each plan closed).
  absl::StatusOr<PlanRecord> AssignPlan(const PlanChange& assigned,
                                        const Supersede& supersede,
                                        const store::RequestKey& key,
                                        outbox::ChangeEvents& events,
                                        absl::Time deadline);

  // NOT_FOUND ("patients/{patient}/plans/{plan}") when the clinic has no
  // such plan.
  absl::StatusOr<PlanRecord> GetPlan(int64_t clinic_id,
                                     const std::string& patient_id,
                                     const std::string& plan_id,
                                     absl::Time deadline);

  // Up to `limit` plans, newest first, after `cursor` (create time in
  // micros, id). An empty `patient_id` means every patient;
  // STATE_UNSPECIFIED every state.
  absl::StatusOr<std::vector<PlanRecord>> ListPlans(
      int64_t clinic_id, const std::string& patient_id, v1::Plan::State state,
      const std::optional<PageCursor>& cursor, int limit, absl::Time deadline);

  // Writes `change` if the plan is still at `change.plan.revision - 1`;
  // ABORTED (etag mismatch) when someone changed it first. `events` get an
  // `event_type` event ("plan.adjusted", "plan.paused", ...).
  absl::StatusOr<PlanRecord> WriteChange(const PlanChange& change,
                                         const char* event_type,
                                         outbox::ChangeEvents& events,
                                         absl::Time deadline);

  // Up to `limit` revisions of the plan, newest first, below revision
  // `before` (0: from the latest). NOT_FOUND when the clinic has no such
  // plan.
  absl::StatusOr<std::vector<RevisionRecord>> ListRevisions(
      int64_t clinic_id, const std::string& patient_id,
      const std::string& plan_id, int before, int limit, absl::Time deadline);

  // Up to `limit` ACTIVE plans of every clinic with id > `after_id`, in id
  // order: for server-side jobs, never for a caller's request.
  absl::StatusOr<std::vector<ActivePlanRecord>> ListActivePlans(
      const std::string& after_id, int limit, absl::Time deadline);

 private:
  store::Pool* pool_;
  outbox::Outbox* outbox_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_PLAN_STORE_H_
