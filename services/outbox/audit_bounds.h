#ifndef COREBALANCE_SERVICES_OUTBOX_AUDIT_BOUNDS_H_
#define COREBALANCE_SERVICES_OUTBOX_AUDIT_BOUNDS_H_

// The documented bound of every audited field (README, "Audit log"), and
// how a value over it is kept: cut, with a marker and the SHA-256 of the
// whole value, so one over-long value can never fail an append and the
// original can still be matched.

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "corebalance/v1/access.pb.h"

namespace corebalance::outbox {

inline constexpr size_t kMaxActorChars = 100;
inline constexpr size_t kMaxActionChars = 150;
inline constexpr size_t kMaxResourceChars = 300;
inline constexpr size_t kMaxPatientChars = 100;
inline constexpr size_t kMaxStatusCodeChars = 40;
inline constexpr size_t kMaxRequestIdChars = 100;
inline constexpr size_t kMaxPeerChars = 100;

// `value` when it has at most `max_chars` bytes; else its start and
// "...[cut N chars sha256:<hex>]" in at most max_chars bytes (never
// splitting a UTF-8 sequence). Bounds too small for the marker (under about
// 100) cut without it.
std::string Bounded(absl::string_view value, size_t max_chars);

// True when Bounded cut `value`.
bool IsCut(absl::string_view value);

// Every field of `event` within its bound.
void BoundAuditEvent(v1::AuditEvent& event);

// Empty when every field of `event` is within its bound, else the field and
// the problem (what the audit log refuses to append).
std::string AuditEventProblem(const v1::AuditEvent& event);

}  // namespace corebalance::outbox

#endif  // COREBALANCE_SERVICES_OUTBOX_AUDIT_BOUNDS_H_
