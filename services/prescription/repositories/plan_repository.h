#ifndef COREBALANCE_SERVICES_PRESCRIPTION_REPOSITORIES_PLAN_REPOSITORY_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_REPOSITORIES_PLAN_REPOSITORY_H_

// SQL for assigned plans and their revisions. Every query is filtered by
// the caller's clinic.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/common/page_token.h"
#include "services/prescription/records.h"
#include "services/store/connection.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"

namespace corebalance::prescription {

// A plan with every revision, oldest first.
struct PlanWithRevisions {
  PlanRecord plan;
  std::vector<RevisionRecord> revisions;
};

class PlanRepository {
 public:
  // A plan has at most this many revisions read back (years of weekly
  // adjustments).
  static constexpr int kMaxRevisions = 1000;

  explicit PlanRepository(store::Pool* pool) : pool_(pool) {}

  // The plan an earlier AssignPlan with this request key assigned, if any
  // (INVALID_ARGUMENT when the id was used for another request).
  absl::StatusOr<std::optional<PlanRecord>> FindAssigned(
      const store::RequestKey& key, absl::Time deadline);

  // Writes, on the caller's transaction `c`:

  // prescription_request_ids (AIP-155).
  const store::RequestIds& request_ids() const;
  // The plan "patients/{patient}/plans/{plan}", or nullopt.
  std::optional<PlanRecord> FindNamed(store::Connection& c, int64_t clinic_id,
                                      const std::string& name) const;
  // Takes the patient's lock row (so assignments for one patient run one
  // after the other) and returns the patient's ACTIVE and PAUSED plans,
  // locked for update, oldest first.
  std::vector<PlanRecord> LockOpenPlans(store::Connection& c, int64_t clinic_id,
                                        const std::string& patient_id) const;
  // A newly assigned plan and its first revision.
  void Insert(store::Connection& c, const PlanChange& assigned) const;
  // `change` over revision `change.plan.revision - 1`; ABORTED (etag
  // mismatch) when someone changed the plan first.
  absl::Status WriteChange(store::Connection& c,
                           const PlanChange& change) const;

  // Reads, each on a connection of its own:

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

  // Up to `limit` revisions of the plan, newest first, below revision
  // `before` (0: from the latest). NOT_FOUND when the clinic has no such
  // plan.
  absl::StatusOr<std::vector<RevisionRecord>> ListRevisions(
      int64_t clinic_id, const std::string& patient_id,
      const std::string& plan_id, int before, int limit, absl::Time deadline);

  // Up to `limit` plans of the clinic, in any state, with id > `after_id`,
  // in id order: the snapshot other services copy from.
  absl::StatusOr<std::vector<PlanWithRevisions>> ListClinicPlans(
      int64_t clinic_id, const std::string& after_id, int limit,
      absl::Time deadline);

 private:
  store::Pool* pool_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_REPOSITORIES_PLAN_REPOSITORY_H_
