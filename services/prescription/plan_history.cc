#include "services/prescription/plan_history.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/prescription/names.h"

namespace corebalance::prescription {
namespace {

std::string Describe(const PlanExerciseRecord& e) {
  return absl::StrCat(ExerciseName(e.exercise_slug), ": ",
                      DescribeDose(e.dose));
}

std::string StateName(v1::Plan::State state) {
  return std::string(PlanStateName(ToPlanState(state)));
}

v1::PlanRevision::Action RevisionAction(PlanAction action) {
  switch (action) {
    case PlanAction::kPause:
      return v1::PlanRevision::ACTION_PAUSE;
    case PlanAction::kResume:
      return v1::PlanRevision::ACTION_RESUME;
    case PlanAction::kComplete:
      return v1::PlanRevision::ACTION_COMPLETE;
    case PlanAction::kCancel:
      return v1::PlanRevision::ACTION_CANCEL;
    case PlanAction::kAdjust:
      return v1::PlanRevision::ACTION_ADJUST;
  }
  return v1::PlanRevision::ACTION_UNSPECIFIED;
}

// The next revision of `current`: the caller fills in what changed.
PlanChange NextRevision(const PlanRecord& current,
                        v1::PlanRevision::Action action,
                        const std::string& actor, const std::string& reason,
                        absl::Time now) {
  PlanChange change;
  change.plan = current;
  change.plan.revision = current.revision + 1;
  change.plan.update_time = now;
  RevisionRecord& r = change.revision;
  r.plan_id = current.id;
  r.patient_id = current.patient_id;
  r.revision = change.plan.revision;
  r.action = action;
  r.actor = actor;
  r.reason = reason;
  r.create_time = now;
  return change;
}

void Snapshot(PlanChange& change) {
  change.revision.state = change.plan.state;
  change.revision.content = change.plan.content;
}

absl::Status WrongState(const PlanRecord& plan, const absl::Status& status) {
  return FailedPreconditionError("PLAN_STATE", "PLAN_STATE",
                                 PlanName(plan.patient_id, plan.id),
                                 std::string(status.message()));
}

}  // namespace

PlanState ToPlanState(v1::Plan::State state) {
  switch (state) {
    case v1::Plan::STATE_PAUSED:
      return PlanState::kPaused;
    case v1::Plan::STATE_COMPLETED:
      return PlanState::kCompleted;
    case v1::Plan::STATE_CANCELLED:
      return PlanState::kCancelled;
    default:
      return PlanState::kActive;
  }
}

v1::Plan::State ToProtoState(PlanState state) {
  switch (state) {
    case PlanState::kActive:
      return v1::Plan::STATE_ACTIVE;
    case PlanState::kPaused:
      return v1::Plan::STATE_PAUSED;
    case PlanState::kCompleted:
      return v1::Plan::STATE_COMPLETED;
    case PlanState::kCancelled:
      return v1::Plan::STATE_CANCELLED;
  }
  return v1::Plan::STATE_UNSPECIFIED;
}

std::vector<std::string> DescribeChanges(const PlanContent& before,
                                         const PlanContent& after) {
  std::vector<std::string> changes;
  if (before.template_slug != after.template_slug) {
    changes.push_back(
        absl::StrCat("plan_template: ", TemplateName(before.template_slug),
                     " -> ", TemplateName(after.template_slug)));
  }
  if (before.dose_level != after.dose_level) {
    changes.push_back(
        absl::StrCat("dose_level: ", v1::DoseLevel_Name(before.dose_level),
                     " -> ", v1::DoseLevel_Name(after.dose_level)));
  }
  std::map<std::string, const Dose*> old_doses;
  for (const auto& e : before.exercises) old_doses[e.exercise_slug] = &e.dose;
  std::map<std::string, const Dose*> new_doses;
  for (const auto& e : after.exercises) new_doses[e.exercise_slug] = &e.dose;
  for (const auto& e : before.exercises) {
    if (!new_doses.count(e.exercise_slug)) {
      changes.push_back(
          absl::StrCat("removed ", ExerciseName(e.exercise_slug)));
    }
  }
  std::vector<std::string> kept_order_before;
  for (const auto& e : before.exercises) {
    if (new_doses.count(e.exercise_slug)) {
      kept_order_before.push_back(e.exercise_slug);
    }
  }
  std::vector<std::string> kept_order_after;
  for (const auto& e : after.exercises) {
    auto old = old_doses.find(e.exercise_slug);
    if (old == old_doses.end()) {
      changes.push_back(absl::StrCat("added ", Describe(e)));
      continue;
    }
    kept_order_after.push_back(e.exercise_slug);
    if (!(*old->second == e.dose)) {
      changes.push_back(absl::StrCat(ExerciseName(e.exercise_slug), ": ",
                                     DescribeDose(*old->second), " -> ",
                                     DescribeDose(e.dose)));
    }
  }
  if (kept_order_before != kept_order_after) {
    changes.push_back("exercises reordered");
  }
  if (changes.empty()) changes.push_back("no change");
  return changes;
}

PlanChange AssignedPlan(PlanRecord plan, absl::Time now) {
  plan.state = v1::Plan::STATE_ACTIVE;
  plan.revision = 1;
  plan.create_time = plan.update_time = plan.adjust_time = now;
  PlanChange change;
  RevisionRecord& r = change.revision;
  r.plan_id = plan.id;
  r.patient_id = plan.patient_id;
  r.revision = 1;
  r.action = v1::PlanRevision::ACTION_ASSIGN;
  r.actor = plan.assigned_by;
  r.reason = plan.override_reason;
  r.create_time = now;
  r.changes.push_back(
      absl::StrCat("assigned ", TemplateName(plan.content.template_slug),
                   " at ", v1::DoseLevel_Name(plan.content.dose_level)));
  if (!plan.override_reason.empty()) {
    r.changes.push_back("assigned despite a REFER disposition (override)");
  }
  for (const auto& e : plan.content.exercises) r.changes.push_back(Describe(e));
  change.plan = std::move(plan);
  Snapshot(change);
  return change;
}

absl::StatusOr<PlanChange> AdjustedPlan(const PlanRecord& current,
                                        PlanContent content,
                                        const std::string& actor,
                                        const std::string& reason,
                                        absl::Time now) {
  auto state = ApplyPlanAction(ToPlanState(current.state), PlanAction::kAdjust);
  if (!state.ok()) return WrongState(current, state.status());
  PlanChange change = NextRevision(current, v1::PlanRevision::ACTION_ADJUST,
                                   actor, reason, now);
  change.revision.changes = DescribeChanges(current.content, content);
  change.plan.content = std::move(content);
  change.plan.adjust_time = now;
  Snapshot(change);
  return change;
}

absl::StatusOr<PlanChange> PlanAfter(const PlanRecord& current,
                                     PlanAction action,
                                     const std::string& actor,
                                     const std::string& reason,
                                     absl::Time now) {
  auto state = ApplyPlanAction(ToPlanState(current.state), action);
  if (!state.ok()) return WrongState(current, state.status());
  PlanChange change =
      NextRevision(current, RevisionAction(action), actor, reason, now);
  change.plan.state = ToProtoState(*state);
  change.plan.state_reason = reason;
  if (IsTerminal(*state)) change.plan.end_time = now;
  change.revision.changes.push_back(
      absl::StrCat("state: ", StateName(current.state), " -> ",
                   StateName(change.plan.state)));
  Snapshot(change);
  return change;
}

PlanChange SupersededPlan(const PlanRecord& current,
                          const std::string& successor_id,
                          const std::string& actor, absl::Time now) {
  const std::string successor = PlanName(current.patient_id, successor_id);
  const std::string reason = absl::StrCat("superseded by ", successor);
  PlanChange change = NextRevision(current, v1::PlanRevision::ACTION_COMPLETE,
                                   actor, reason, now);
  change.plan.state = v1::Plan::STATE_COMPLETED;
  change.plan.state_reason = reason;
  change.plan.superseded_by = successor_id;
  change.plan.end_time = now;
  change.revision.changes.push_back(
      absl::StrCat("state: ", StateName(current.state), " -> COMPLETED"));
  Snapshot(change);
  return change;
}

}  // namespace corebalance::prescription
