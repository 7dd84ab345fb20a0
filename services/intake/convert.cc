#include "services/intake/convert.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "services/common/errors.h"
#include "services/common/page_token.h"
#include "services/common/sql_time.h"
#include "services/intake/dates.h"
#include "services/intake/names.h"

namespace corebalance::intake {
namespace {

absl::Status BadToken() {
  return InvalidArgumentError(
      "page_token",
      "is not a token this list returned; start again without it");
}

}  // namespace

v1::Patient ToProto(const PatientRecord& patient) {
  v1::Patient out;
  out.set_name(PatientName(patient.id));
  out.set_given_name(patient.given_name);
  out.set_family_name(patient.family_name);
  if (patient.birth_date) {
    *out.mutable_birth_date() = DateToProto(*patient.birth_date);
  }
  out.set_sex(patient.sex);
  out.set_phone(patient.phone);
  out.set_email(patient.email);
  if (!patient.assigned_practitioner_id.empty()) {
    out.set_assigned_practitioner(
        absl::StrCat("staffMembers/", patient.assigned_practitioner_id));
  }
  out.set_state(patient.state);
  *out.mutable_create_time() = ToProtoTime(patient.create_time);
  *out.mutable_update_time() = ToProtoTime(patient.update_time);
  out.set_etag(Etag(patient.revision));
  return out;
}

std::string Etag(int64_t revision) { return absl::StrCat("r", revision); }

absl::StatusOr<std::optional<int64_t>> RevisionFromEtag(
    const std::string& etag, const std::string& resource_name) {
  if (etag.empty()) return std::nullopt;
  int64_t revision = 0;
  if (etag.size() < 2 || etag[0] != 'r' ||
      !absl::SimpleAtoi(absl::string_view(etag).substr(1), &revision)) {
    return EtagMismatchError(resource_name);
  }
  return revision;
}

// Names can hold any character, '|' included: each is base64 encoded.
std::string PatientPageToken(const PatientRecord& last,
                             const std::string& filters) {
  return EncodePageToken(
      {0,
       absl::StrCat(absl::WebSafeBase64Escape(last.family_name), ".",
                    absl::WebSafeBase64Escape(last.given_name), ".", last.id)},
      filters);
}

absl::StatusOr<std::optional<PatientCursor>> PatientCursorFromToken(
    const std::string& token, const std::string& filters) {
  auto cursor = DecodePageToken(token, filters);
  if (!cursor.ok()) return cursor.status();
  if (!*cursor) return std::nullopt;
  std::vector<std::string> parts = absl::StrSplit((*cursor)->last_id, '.');
  PatientCursor out;
  if (parts.size() != 3 ||
      !absl::WebSafeBase64Unescape(parts[0], &out.family_name) ||
      !absl::WebSafeBase64Unescape(parts[1], &out.given_name) ||
      parts[2].empty()) {
    return BadToken();
  }
  out.id = parts[2];
  return out;
}

std::string AssessmentPageToken(const AssessmentRecord& last,
                                const std::string& filters) {
  return EncodePageToken(
      {ToMicros(last.create_time),
       absl::StrCat(absl::FormatCivilTime(last.assessment_date), ".", last.id)},
      filters);
}

absl::StatusOr<std::optional<AssessmentCursor>> AssessmentCursorFromToken(
    const std::string& token, const std::string& filters) {
  auto cursor = DecodePageToken(token, filters);
  if (!cursor.ok()) return cursor.status();
  if (!*cursor) return std::nullopt;
  std::vector<std::string> parts = absl::StrSplit((*cursor)->last_id, '.');
  AssessmentCursor out;
  if (parts.size() != 2 ||
      !absl::ParseCivilTime(parts[0], &out.assessment_date) ||
      parts[1].empty()) {
    return BadToken();
  }
  out.create_time = absl::FromUnixMicros((*cursor)->last_key);
  out.id = parts[1];
  return out;
}

}  // namespace corebalance::intake
