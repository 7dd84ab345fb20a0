#ifndef COREBALANCE_SERVICES_PROGRESS_SESSION_PROTO_H_
#define COREBALANCE_SERVICES_PROGRESS_SESSION_PROTO_H_

// Stored sessions <-> corebalance.v1.Session, resource names, and the
// traffic light of a stored session.

#include <string>

#include "absl/status/statusor.h"
#include "corebalance/v1/progress.pb.h"
#include "services/progress/repositories/session_repository.h"
#include "services/progress/rules/session_record.h"
#include "services/progress/rules/traffic_light.h"

namespace corebalance::progress {

std::string PatientName(const std::string& patient_id);
std::string SessionName(const std::string& patient_id, const std::string& id);
std::string PlanName(const std::string& patient_id, const std::string& id);

// The traffic light of `session` as stored now (its pain and the assessment
// NPRS kept from when it was logged).
absl::StatusOr<SessionClassification> Classify(
    const StoredSession& session, const TrafficLightPolicy& policy);

v1::Session::TrafficLight ToProtoLight(TrafficLight light);

// The stored session for the API, with the reasons of `classification`.
v1::Session ToProto(const StoredSession& session,
                    const SessionClassification& classification);

// The client's fields of a valid `session` (see session_checks.h) into a
// record; ids, plan, light, times and revision are the caller's to set.
StoredSession FromProto(const v1::Session& session);

// What the recommendation and alert rules need of a stored session.
SessionRecord ToSessionRecord(const StoredSession& session);

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_SESSION_PROTO_H_
