#ifndef COREBALANCE_SERVICES_COMMON_VALIDATION_H_
#define COREBALANCE_SERVICES_COMMON_VALIDATION_H_

// Small input checks shared by services; each appends a violation with the
// field path so a caller learns every problem of a request at once.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/timestamp.pb.h"
#include "services/common/field_violation.h"

namespace corebalance {

// Required free text: non-empty after trimming, at most `max_chars`
// characters (UTF-8 code points), valid UTF-8, no control characters other
// than tabs and line breaks.
void CheckRequiredText(absl::string_view field, absl::string_view value,
                       size_t max_chars, FieldViolations& out);
// Optional text: the same limits when non-empty.
void CheckOptionalText(absl::string_view field, absl::string_view value,
                       size_t max_chars, FieldViolations& out);
// Names (of people, clinics, exercises, tokens...): the same as text, on one
// line (no tabs or line breaks either).
void CheckRequiredName(absl::string_view field, absl::string_view value,
                       size_t max_chars, FieldViolations& out);
void CheckOptionalName(absl::string_view field, absl::string_view value,
                       size_t max_chars, FieldViolations& out);
// A google.protobuf.Timestamp as the type defines it: nanos 0..999999999,
// 0001-01-01 to 9999-12-31. False (with a violation) otherwise.
bool CheckTimestamp(absl::string_view field,
                    const google::protobuf::Timestamp& value,
                    FieldViolations& out);
// Optional email: when non-empty, something@domain.tld without spaces.
void CheckOptionalEmail(absl::string_view field, absl::string_view value,
                        FieldViolations& out);
// A request_id (AIP-155), when set: at most 100 printable ASCII characters.
void CheckRequestId(absl::string_view value, FieldViolations& out);

// "collection/{id}" -> id, or empty when `name` does not have that form.
std::string IdFromName(absl::string_view name, absl::string_view collection);
// The id of `name`, a resource name of `collection`, or INVALID_ARGUMENT
// naming `field`.
absl::StatusOr<std::string> ParseId(const std::string& name,
                                    absl::string_view collection,
                                    absl::string_view field);
// The patient id of `name` ("patients/{id}") given in `field`; empty, with a
// violation for `field`, when it is not a patient's name.
std::string CheckPatientName(absl::string_view field, absl::string_view name,
                             FieldViolations& out);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_VALIDATION_H_
