#include "services/prescription/convert.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "services/common/sql_time.h"
#include "services/prescription/names.h"
#include "services/prescription/plan_history.h"
#include "services/prescription/rules/plan_state.h"

namespace corebalance::prescription {
namespace {

void AddExercises(const std::vector<PlanExerciseRecord>& from,
                  google::protobuf::RepeatedPtrField<v1::PlanExercise>* to) {
  for (const auto& e : from) {
    v1::PlanExercise* out = to->Add();
    out->set_exercise(ExerciseName(e.exercise_slug));
    *out->mutable_dose() = ToProto(e.dose);
  }
}

}  // namespace

v1::Dose ToProto(const Dose& dose) {
  v1::Dose out;
  out.set_sets(dose.sets);
  out.set_reps(dose.reps);
  out.set_hold_seconds(dose.hold_seconds);
  out.set_rest_seconds(dose.rest_seconds);
  out.set_duration_minutes(dose.duration_minutes);
  out.set_frequency_per_week(dose.frequency_per_week);
  out.set_per_side(dose.per_side);
  return out;
}

Dose FromProto(const v1::Dose& dose) {
  return Dose{.sets = dose.sets(),
              .reps = dose.reps(),
              .hold_seconds = dose.hold_seconds(),
              .rest_seconds = dose.rest_seconds(),
              .duration_minutes = dose.duration_minutes(),
              .frequency_per_week = dose.frequency_per_week(),
              .per_side = dose.per_side()};
}

v1::Exercise ToProto(const ExerciseRecord& e) {
  v1::Exercise out;
  out.set_name(ExerciseName(e.slug));
  out.set_display_name(e.display_name);
  out.set_level(e.level);
  out.set_body_region(e.body_region);
  for (const auto& item : e.equipment) out.add_equipment(item);
  out.set_instructions(e.instructions);
  *out.mutable_default_dose() = ToProto(e.default_dose);
  if (!e.regression_slug.empty()) {
    out.set_regression(ExerciseName(e.regression_slug));
  }
  if (!e.progression_slug.empty()) {
    out.set_progression(ExerciseName(e.progression_slug));
  }
  out.set_clinic_specific(e.clinic_id != kGlobalClinic);
  *out.mutable_create_time() = ToProtoTime(e.create_time);
  *out.mutable_update_time() = ToProtoTime(e.update_time);
  out.set_etag(Etag(e.revision));
  return out;
}

v1::PlanTemplate ToProto(const TemplateRecord& t) {
  v1::PlanTemplate out;
  out.set_name(TemplateName(t.slug));
  out.set_display_name(t.display_name);
  out.set_description(t.description);
  out.set_phase(t.phase);
  out.set_first_week(t.first_week);
  out.set_last_week(t.last_week);
  AddExercises(t.exercises, out.mutable_exercises());
  out.set_clinic_specific(t.clinic_id != kGlobalClinic);
  *out.mutable_create_time() = ToProtoTime(t.create_time);
  *out.mutable_update_time() = ToProtoTime(t.update_time);
  out.set_etag(Etag(t.revision));
  return out;
}

v1::Plan ToProto(const PlanRecord& p) {
  v1::Plan out;
  out.set_name(PlanName(p.patient_id, p.id));
  out.set_plan_template(TemplateName(p.content.template_slug));
  AddExercises(p.content.exercises, out.mutable_exercises());
  out.set_dose_level(p.content.dose_level);
  out.set_state(p.state);
  out.set_assessment(p.assessment);
  out.set_override_reason(p.override_reason);
  out.set_assigned_by(p.assigned_by);
  out.set_revision(p.revision);
  out.set_state_reason(p.state_reason);
  if (!p.superseded_by.empty()) {
    out.set_superseded_by(PlanName(p.patient_id, p.superseded_by));
  }
  out.set_care_plan_status(
      std::string(FhirCarePlanStatus(ToPlanState(p.state))));
  *out.mutable_create_time() = ToProtoTime(p.create_time);
  *out.mutable_update_time() = ToProtoTime(p.update_time);
  *out.mutable_adjust_time() = ToProtoTime(p.adjust_time);
  if (p.end_time) *out.mutable_end_time() = ToProtoTime(*p.end_time);
  out.set_etag(Etag(p.revision));
  return out;
}

v1::PlanRevision ToProto(const RevisionRecord& r) {
  v1::PlanRevision out;
  out.set_name(RevisionName(r.patient_id, r.plan_id, r.revision));
  out.set_revision(r.revision);
  out.set_action(r.action);
  out.set_actor(r.actor);
  out.set_reason(r.reason);
  for (const auto& c : r.changes) out.add_changes(c);
  out.set_state(r.state);
  out.set_plan_template(TemplateName(r.content.template_slug));
  out.set_dose_level(r.content.dose_level);
  AddExercises(r.content.exercises, out.mutable_exercises());
  *out.mutable_create_time() = ToProtoTime(r.create_time);
  return out;
}

std::vector<RequestedExercise> FromProto(
    const google::protobuf::RepeatedPtrField<v1::PlanExercise>& exercises) {
  std::vector<RequestedExercise> out;
  for (const auto& e : exercises) {
    RequestedExercise r{e.exercise(), std::nullopt};
    if (e.has_dose()) r.dose = FromProto(e.dose());
    out.push_back(std::move(r));
  }
  return out;
}

std::string Etag(int revision) { return absl::StrCat("\"r", revision, "\""); }

std::optional<int> RevisionOfEtag(const std::string& etag) {
  absl::string_view text = etag;
  // Weak validators (W/"...") name the same revision.
  if (absl::StartsWith(text, "W/")) text.remove_prefix(2);
  if (!absl::ConsumePrefix(&text, "\"r") || !absl::ConsumeSuffix(&text, "\"")) {
    return std::nullopt;
  }
  int revision = 0;
  if (!absl::SimpleAtoi(text, &revision) || revision < 1) return std::nullopt;
  return revision;
}

}  // namespace corebalance::prescription
