#ifndef COREBALANCE_SERVICES_PRESCRIPTION_REQUEST_CHECKS_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_REQUEST_CHECKS_H_

// Input checks of PrescriptionService requests that need no database:
// resource names, update masks, reasons, and the fields of exercises and
// templates sent by clients. Each collects every violation it finds.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "corebalance/v1/prescription.pb.h"
#include "google/protobuf/field_mask.pb.h"
#include "services/common/field_violation.h"
#include "services/common/validation.h"
#include "services/prescription/names.h"
#include "services/prescription/policy.h"
#include "services/prescription/records.h"

namespace corebalance::prescription {

// "patients/{patient}/plans/{plan}", or INVALID_ARGUMENT naming `field`.
absl::StatusOr<PlanKey> ParsePlan(const std::string& name,
                                  absl::string_view field);

// OK for an empty etag or one naming `revision`; ABORTED (AIP-154) for any
// other, naming resource `name`.
absl::Status CheckEtag(const std::string& etag, int revision,
                       const std::string& name);

// A required reason of at most 1000 characters.
void CheckReason(absl::string_view field, const std::string& reason,
                 FieldViolations& out);

// The update mask with "*" expanded to `updatable`. INVALID_ARGUMENT (field
// update_mask) when it is empty or names a path outside `updatable`.
absl::StatusOr<std::set<std::string>> CheckMask(
    const google::protobuf::FieldMask& mask,
    const std::vector<std::string>& updatable);

// Replaces the fields in `paths` of `stored` with those of `update`
// (AIP-134); repeated and message fields are replaced as a whole.
void MergeMasked(const google::protobuf::Message& update,
                 const std::set<std::string>& paths,
                 google::protobuf::Message* stored);

// The exercise a client sent, as a record with clinic and slug left to the
// caller. Violations are named `exercise.<field>`; regression and
// progression must be visible (`known`) and not the exercise itself.
ExerciseRecord ExerciseFromProto(const v1::Exercise& in,
                                 const std::string& slug,
                                 const std::map<std::string, Dose>& known,
                                 const DoseLimits& limits,
                                 FieldViolations& out);

// The template a client sent; violations named `plan_template.<field>`.
TemplateRecord TemplateFromProto(const v1::PlanTemplate& in,
                                 const std::map<std::string, Dose>& known,
                                 const DoseLimits& limits,
                                 FieldViolations& out);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_REQUEST_CHECKS_H_
