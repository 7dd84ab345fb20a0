#ifndef COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_COPY_REPOSITORY_H_
#define COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_COPY_REPOSITORY_H_

// All SQL of progress's copy of intake's and prescription's data (the
// progress_copy_* tables): what the source feeds write and what logging,
// summaries and alerts read instead of calling those services. Every query
// is filtered by clinic_id.

#include <google/protobuf/any.pb.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "corebalance/v1/intake.pb.h"
#include "corebalance/v1/prescription.pb.h"
#include "services/progress/catalogue.h"
#include "services/progress/repositories/adherence_due_repository.h"
#include "services/store/connection.h"
#include "services/store/pool.h"

namespace corebalance::progress {

// A copied plan as the adherence scan reads it.
struct ScannedPlan {
  int state = 0;                            // corebalance.v1.Plan.State
  std::vector<v1::PlanRevision> revisions;  // oldest first
};

class CopyRepository {
 public:
  // A plan applied ACTIVE is followed by the adherence scan in `due`.
  CopyRepository(store::Pool* pool, const AdherenceDueRepository* due)
      : pool_(pool), due_(due) {}

  // Writes, on the caller's transaction `c`:

  // One resource of the clinic as an event or snapshot carried it: a
  // Patient, Assessment, Plan (with the revision it is at), PlanRevision,
  // Exercise or PlanTemplate.
  // A newer revision replaces an older one, an older or equal one changes
  // nothing, so applying twice or late gives the same copy. False for a
  // resource of another type or with a malformed name (left out).
  bool Apply(store::Connection& c, int64_t clinic_id,
             const google::protobuf::Any& resource) const;
  // The source's clinic has its events applied up to `last_seq` (never
  // moves back).
  void SetCursor(store::Connection& c, const std::string& source,
                 int64_t clinic_id, int64_t last_seq) const;

  // Reads, each on a connection of its own:

  // The last event applied per clinic of `source`.
  absl::StatusOr<std::map<int64_t, int64_t>> Cursors(const std::string& source,
                                                     absl::Time deadline);
  // Whether the copy has the clinic's patient.
  absl::StatusOr<bool> HasPatient(int64_t clinic_id,
                                  const std::string& patient_id,
                                  absl::Time deadline);
  // The patient's assessments (only `kind`, unless KIND_UNSPECIFIED), in
  // intake's order: newest first, at most `limit`.
  absl::StatusOr<std::vector<v1::Assessment>> Assessments(
      int64_t clinic_id, const std::string& patient_id,
      v1::Assessment::Kind kind, int limit, absl::Time deadline);
  // The patient's plan `plan_id` (empty: their ACTIVE plan), or nullopt.
  absl::StatusOr<std::optional<v1::Plan>> Plan(int64_t clinic_id,
                                               const std::string& patient_id,
                                               const std::string& plan_id,
                                               absl::Time deadline);
  // The exercises and plan templates the clinic sees, each in name order;
  // both empty when the copy has not seen the clinic's catalogue yet.
  absl::StatusOr<Catalogue> CatalogueOf(int64_t clinic_id, absl::Time deadline);
  // Every revision of the plan, oldest first.
  absl::StatusOr<std::vector<v1::PlanRevision>> PlanRevisions(
      int64_t clinic_id, const std::string& patient_id,
      const std::string& plan_id, absl::Time deadline);
  // Those of `plans` (all of `clinic_id`) the copy has, by "patient/plan"
  // ids, a round trip per 32 plans.
  absl::StatusOr<std::map<std::string, ScannedPlan>> PlansToScan(
      int64_t clinic_id, const std::vector<DuePlan>& plans,
      absl::Time deadline);

 private:
  void ApplyPatient(store::Connection& c, int64_t clinic_id,
                    const v1::Patient& patient) const;
  void ApplyAssessment(store::Connection& c, int64_t clinic_id,
                       const v1::Assessment& assessment) const;
  void ApplyPlan(store::Connection& c, int64_t clinic_id,
                 const v1::Plan& plan) const;
  // `exact`: as prescription kept it, not made from a plan event.
  void ApplyCatalogueEntry(store::Connection& c, int64_t clinic_id,
                           const std::string& name,
                           const google::protobuf::Timestamp& update_time,
                           const google::protobuf::Message& entry) const;
  void ApplyRevision(store::Connection& c, int64_t clinic_id,
                     const v1::PlanRevision& revision, bool exact) const;

  store::Pool* pool_;
  const AdherenceDueRepository* due_;
};

// The key of PlansToScan's answer.
std::string ScanKey(const std::string& patient_id, const std::string& plan_id);

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_COPY_REPOSITORY_H_
