#ifndef COREBALANCE_SERVICES_INTAKE_CONVERT_H_
#define COREBALANCE_SERVICES_INTAKE_CONVERT_H_

// Patient records <-> protos, etags and page tokens' cursors.

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "corebalance/v1/intake.pb.h"
#include "services/intake/records.h"

namespace corebalance::intake {

v1::Patient ToProto(const PatientRecord& patient);

// The etag (AIP-154) of a revision, and back; nullopt for an empty etag.
// A malformed etag is one that can never match: ABORTED.
std::string Etag(int64_t revision);
absl::StatusOr<std::optional<int64_t>> RevisionFromEtag(
    const std::string& etag, const std::string& resource_name);

// Page tokens of ListPatients and ListAssessments: the cursor of the last
// item returned plus a fingerprint of the filters (page_token.h).
std::string PatientPageToken(const PatientRecord& last,
                             const std::string& filters);
absl::StatusOr<std::optional<PatientCursor>> PatientCursorFromToken(
    const std::string& token, const std::string& filters);
std::string AssessmentPageToken(const AssessmentRecord& last,
                                const std::string& filters);
absl::StatusOr<std::optional<AssessmentCursor>> AssessmentCursorFromToken(
    const std::string& token, const std::string& filters);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_CONVERT_H_
