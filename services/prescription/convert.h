#ifndef COREBALANCE_SERVICES_PRESCRIPTION_CONVERT_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_CONVERT_H_

// Records <-> the corebalance.v1 prescription messages.

#include <optional>
#include <string>
#include <vector>

#include "corebalance/v1/prescription.pb.h"
#include "services/prescription/plan_builder.h"
#include "services/prescription/records.h"

namespace corebalance::prescription {

v1::Dose ToProto(const Dose& dose);
Dose FromProto(const v1::Dose& dose);

v1::Exercise ToProto(const ExerciseRecord& exercise);
v1::PlanTemplate ToProto(const TemplateRecord& plan_template);
v1::Plan ToProto(const PlanRecord& plan);
v1::PlanRevision ToProto(const RevisionRecord& revision);

// A request's exercises; an unset dose stays unset (to be derived).
std::vector<RequestedExercise> FromProto(
    const google::protobuf::RepeatedPtrField<v1::PlanExercise>& exercises);

// AIP-154 etags: the revision counter as an opaque string.
std::string Etag(int revision);
// The revision an etag names; nullopt when it is not one of ours.
std::optional<int> RevisionOfEtag(const std::string& etag);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_CONVERT_H_
