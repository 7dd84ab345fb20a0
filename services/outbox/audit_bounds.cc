#include "services/outbox/audit_bounds.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/common/sha256.h"

namespace corebalance::outbox {
namespace {

constexpr absl::string_view kCutMarker = "...[cut ";

// Each audited field with its bound, for the checks below.
template <typename Fn>
void ForEachField(v1::AuditEvent& e, Fn fn) {
  fn("actor", e.mutable_actor(), kMaxActorChars);
  fn("action", e.mutable_action(), kMaxActionChars);
  fn("resource", e.mutable_resource(), kMaxResourceChars);
  fn("patient", e.mutable_patient(), kMaxPatientChars);
  fn("status_code", e.mutable_status_code(), kMaxStatusCodeChars);
  fn("request_id", e.mutable_request_id(), kMaxRequestIdChars);
  fn("peer", e.mutable_peer(), kMaxPeerChars);
}

}  // namespace

std::string Bounded(absl::string_view value, size_t max_chars) {
  if (value.size() <= max_chars) return std::string(value);
  const std::string suffix = absl::StrCat(
      kCutMarker, value.size(), " chars sha256:", Sha256Hex(value), "]");
  // Too small a bound for the marker (status codes): cut plainly.
  const bool marked = max_chars >= suffix.size() + 8;
  size_t keep = marked ? max_chars - suffix.size() : max_chars;
  // Back off to the start of a UTF-8 sequence.
  while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) {
    --keep;
  }
  return absl::StrCat(value.substr(0, keep), marked ? suffix : "");
}

bool IsCut(absl::string_view value) {
  return absl::StrContains(value, kCutMarker) &&
         absl::StrContains(value, " chars sha256:");
}

void BoundAuditEvent(v1::AuditEvent& event) {
  ForEachField(event, [](const char*, std::string* value, size_t max) {
    if (value->size() > max) *value = Bounded(*value, max);
  });
}

std::string AuditEventProblem(const v1::AuditEvent& event) {
  std::string problem;
  v1::AuditEvent copy = event;
  ForEachField(copy, [&](const char* field, std::string* value, size_t max) {
    if (problem.empty() && value->size() > max) {
      problem = absl::StrCat(field, " has ", value->size(),
                             " characters; at most ", max, " are kept");
    }
  });
  return problem;
}

}  // namespace corebalance::outbox
