#include "services/progress/session_proto.h"

#include "absl/strings/str_cat.h"
#include "services/common/sql_time.h"
#include "services/common/validation.h"

namespace corebalance::progress {

std::string PatientName(const std::string& patient_id) {
  return absl::StrCat("patients/", patient_id);
}

std::string SessionName(const std::string& patient_id, const std::string& id) {
  return absl::StrCat("patients/", patient_id, "/sessions/", id);
}

std::string PlanName(const std::string& patient_id, const std::string& id) {
  return absl::StrCat("patients/", patient_id, "/plans/", id);
}

absl::StatusOr<SessionClassification> Classify(
    const StoredSession& s, const TrafficLightPolicy& policy) {
  SessionPain pain;
  pain.pain_before = s.pain_before;
  pain.worst_during = s.worst_pain_during;
  pain.after = s.pain_after;
  pain.pain_24h = s.pain_after_24h;
  pain.leg_pain_or_new_neuro_symptoms = s.leg_pain_or_neuro;
  return ClassifySession(pain, s.assessment_nprs, policy);
}

v1::Session::TrafficLight ToProtoLight(TrafficLight light) {
  switch (light) {
    case TrafficLight::kGreen:
      return v1::Session::TRAFFIC_LIGHT_GREEN;
    case TrafficLight::kAmber:
      return v1::Session::TRAFFIC_LIGHT_AMBER;
    case TrafficLight::kRed:
      return v1::Session::TRAFFIC_LIGHT_RED;
  }
  return v1::Session::TRAFFIC_LIGHT_UNSPECIFIED;
}

namespace {

v1::Session::BaselineSource ToProtoSource(BaselineSource source) {
  switch (source) {
    case BaselineSource::kNone:
      return v1::Session::BASELINE_SOURCE_NONE;
    case BaselineSource::kPainBefore:
      return v1::Session::BASELINE_SOURCE_PAIN_BEFORE;
    case BaselineSource::kAssessment:
      return v1::Session::BASELINE_SOURCE_ASSESSMENT;
  }
  return v1::Session::BASELINE_SOURCE_UNSPECIFIED;
}

}  // namespace

v1::Session ToProto(const StoredSession& s,
                    const SessionClassification& classification) {
  v1::Session out;
  out.set_name(SessionName(s.patient_id, s.id));
  out.set_plan(PlanName(s.patient_id, s.plan_id));
  out.set_plan_revision(s.plan_revision);
  *out.mutable_perform_time() = ToProtoTime(s.performed_at);
  for (const StoredExercise& e : s.exercises) {
    v1::SessionExercise* x = out.add_exercises();
    x->set_exercise(absl::StrCat("exercises/", e.slug));
    x->set_completed(e.completed);
    x->set_skip_reason(e.skip_reason);
    x->set_sets(e.sets);
    x->set_reps(e.reps);
    x->set_hold_seconds(e.hold_seconds);
    x->set_duration_minutes(e.duration_minutes);
  }
  out.set_walking_minutes(s.walking_minutes);
  if (s.pain_before) out.set_pain_before(*s.pain_before);
  out.set_worst_pain_during(s.worst_pain_during);
  out.set_pain_after(s.pain_after);
  if (s.pain_after_24h) out.set_pain_after_24h(*s.pain_after_24h);
  if (s.rpe) out.set_rpe(*s.rpe);
  out.set_leg_pain_or_new_neuro_symptoms(s.leg_pain_or_neuro);
  out.set_notes(s.notes);
  out.set_traffic_light(
      static_cast<v1::Session::TrafficLight>(s.traffic_light));
  for (const auto& r : classification.reasons) {
    out.add_traffic_light_reasons(r);
  }
  if (classification.baseline) out.set_baseline_pain(*classification.baseline);
  out.set_baseline_source(ToProtoSource(classification.baseline_source));
  out.set_logged_by(s.logged_by);
  *out.mutable_create_time() = ToProtoTime(s.create_time);
  *out.mutable_update_time() = ToProtoTime(s.update_time);
  out.set_etag(absl::StrCat(s.revision));
  return out;
}

StoredSession FromProto(const v1::Session& in) {
  StoredSession s;
  s.performed_at = FromProtoTime(in.perform_time());
  for (const auto& e : in.exercises()) {
    StoredExercise x;
    x.slug = IdFromName(e.exercise(), "exercises");
    x.completed = e.completed();
    x.skip_reason = e.skip_reason();
    x.sets = e.sets();
    x.reps = e.reps();
    x.hold_seconds = e.hold_seconds();
    x.duration_minutes = e.duration_minutes();
    s.exercises.push_back(std::move(x));
  }
  s.walking_minutes = in.walking_minutes();
  if (in.has_pain_before()) s.pain_before = in.pain_before();
  s.worst_pain_during = in.worst_pain_during();
  s.pain_after = in.pain_after();
  if (in.has_pain_after_24h()) s.pain_after_24h = in.pain_after_24h();
  if (in.has_rpe()) s.rpe = in.rpe();
  s.leg_pain_or_neuro = in.leg_pain_or_new_neuro_symptoms();
  s.notes = in.notes();
  return s;
}

SessionRecord ToSessionRecord(const StoredSession& s) {
  SessionRecord r;
  r.id = s.id;
  r.performed_at = s.performed_at;
  switch (s.traffic_light) {
    case v1::Session::TRAFFIC_LIGHT_RED:
      r.light = TrafficLight::kRed;
      break;
    case v1::Session::TRAFFIC_LIGHT_AMBER:
      r.light = TrafficLight::kAmber;
      break;
    default:
      r.light = TrafficLight::kGreen;
  }
  r.pain_before = s.pain_before;
  for (const auto& e : s.exercises) {
    (e.completed ? r.exercises_done : r.exercises_skipped).push_back(e.slug);
  }
  return r;
}

}  // namespace corebalance::progress
