#ifndef COREBALANCE_SERVICES_PROGRESS_SESSION_CHECKS_H_
#define COREBALANCE_SERVICES_PROGRESS_SESSION_CHECKS_H_

// What makes a logged session acceptable. Pure: no gRPC calls, no database.
// Violations name proto paths under "session.".

#include "absl/time/time.h"
#include "corebalance/v1/prescription.pb.h"
#include "corebalance/v1/progress.pb.h"
#include "services/common/field_violation.h"

namespace corebalance::progress {

// Sessions may be performed up to this far in the future (clock skew).
inline constexpr absl::Duration kClockSkew = absl::Minutes(5);

// Checks that need only the session: pain and RPE 0..10, required pain
// values, counts >= 0, perform_time set and not in the future, text limits,
// exercises named "exercises/{slug}" once each.
void CheckSessionFields(const v1::Session& session, absl::Time now,
                        FieldViolations& out);

// Checks against the plan the session followed: performed no earlier than
// the plan was assigned, every exercise one of the plan's current revision.
void CheckAgainstPlan(const v1::Session& session, const v1::Plan& plan,
                      FieldViolations& out);

// A pain value (NPRS) or RPE, when set, is 0..10.
void CheckScale(const char* field, int value, FieldViolations& out);

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_SESSION_CHECKS_H_
