#ifndef COREBALANCE_SERVICES_PRESCRIPTION_RECORDS_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_RECORDS_H_

// PrescriptionService's rows as plain structs, between the SQL and the
// protos.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "corebalance/v1/prescription.pb.h"
#include "services/prescription/rules/dose.h"

namespace corebalance::prescription {

// The clinic_id of the seeded catalogue: exercises and templates every
// clinic sees and none may change.
inline constexpr int64_t kGlobalClinic = 0;

struct ExerciseRecord {
  int64_t clinic_id = kGlobalClinic;
  std::string slug;
  std::string display_name;
  v1::Exercise::Level level = v1::Exercise::LEVEL_UNSPECIFIED;
  std::string body_region;
  std::vector<std::string> equipment;
  std::string instructions;
  Dose default_dose;
  // Empty when there is none.
  std::string regression_slug;
  std::string progression_slug;
  // Bumped on every update; the etag.
  int revision = 1;
  absl::Time create_time;
  absl::Time update_time;
};

// One exercise of a template or plan.
struct PlanExerciseRecord {
  std::string exercise_slug;
  Dose dose;

  friend bool operator==(const PlanExerciseRecord&,
                         const PlanExerciseRecord&) = default;
};

struct TemplateRecord {
  int64_t clinic_id = kGlobalClinic;
  std::string slug;
  std::string display_name;
  std::string description;
  int phase = 0;
  int first_week = 0;
  int last_week = 0;
  std::vector<PlanExerciseRecord> exercises;
  int revision = 1;
  absl::Time create_time;
  absl::Time update_time;
};

// What a plan prescribes: the part an adjustment changes.
struct PlanContent {
  std::string template_slug;
  v1::DoseLevel dose_level = v1::DOSE_LEVEL_UNSPECIFIED;
  std::vector<PlanExerciseRecord> exercises;
};

struct PlanRecord {
  std::string id;
  int64_t clinic_id = 0;
  std::string patient_id;
  v1::Plan::State state = v1::Plan::STATE_ACTIVE;
  PlanContent content;
  // `patients/{patient}/assessments/{assessment}` it was assigned from.
  std::string assessment;
  // Empty unless assigned despite a REFER disposition.
  std::string override_reason;
  // `staffMembers/{id}` (or `apiTokens/{id}`).
  std::string assigned_by;
  int revision = 1;
  std::string state_reason;
  // The id of the plan that superseded this one; empty otherwise.
  std::string superseded_by;
  absl::Time create_time;
  absl::Time update_time;
  absl::Time adjust_time;
  std::optional<absl::Time> end_time;
};

// One entry of a plan's history, with the plan as it was after it.
struct RevisionRecord {
  std::string plan_id;
  std::string patient_id;
  int revision = 0;
  v1::PlanRevision::Action action = v1::PlanRevision::ACTION_UNSPECIFIED;
  std::string actor;
  std::string reason;
  std::vector<std::string> changes;
  v1::Plan::State state = v1::Plan::STATE_ACTIVE;
  PlanContent content;
  absl::Time create_time;
};

// A change to write: the plan's new row and the revision that explains it.
struct PlanChange {
  PlanRecord plan;
  RevisionRecord revision;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_RECORDS_H_
