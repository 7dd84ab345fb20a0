#include "bench/stored/as_logged.h"

#include "services/progress/session_proto.h"

namespace corebalance::bench {

absl::StatusOr<progress::StoredSession> AsLogged(const v1::Session& session,
                                                 const SeedPatient& patient,
                                                 int64_t clinic_id,
                                                 std::string id,
                                                 absl::Time logged_at) {
  progress::StoredSession s = progress::FromProto(session);
  if (!session.has_pain_before()) s.assessment_nprs = patient.initial_nprs;
  s.id = std::move(id);
  s.clinic_id = clinic_id;
  s.patient_id = patient.patient_id;
  s.plan_id = patient.plan_id;
  s.plan_revision = patient.plan_revision;
  s.logged_by = patient.logged_by;
  s.revision = 1;
  s.create_time = s.update_time = logged_at;
  auto classification = progress::Classify(s, progress::TrafficLightPolicy{});
  if (!classification.ok()) return classification.status();
  s.traffic_light = progress::ToProtoLight(classification->light);
  return s;
}

}  // namespace corebalance::bench
