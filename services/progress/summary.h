#ifndef COREBALANCE_SERVICES_PROGRESS_SUMMARY_H_
#define COREBALANCE_SERVICES_PROGRESS_SUMMARY_H_

// A patient's progress summary from what the handler gathered: their
// sessions, plan and its history, assessments and the catalogue. Pure: no
// gRPC calls, no database; the rules in rules/ do the clinical work.

#include <memory>
#include <optional>
#include <vector>

#include "absl/time/time.h"
#include "corebalance/v1/intake.pb.h"
#include "corebalance/v1/prescription.pb.h"
#include "corebalance/v1/progress.pb.h"
#include "services/progress/catalogue.h"
#include "services/progress/policy.h"
#include "services/progress/repositories/session_repository.h"

namespace corebalance::progress {

// The days the recommendation rules look back at most (progress window).
int SummaryLookbackDays(int window_days, const ProgressRules& rules);

struct SummaryInput {
  absl::Time now;
  int window_days = 14;
  std::string patient_name;
  // Sessions performed in the last SummaryLookbackDays() UTC days.
  std::vector<StoredSession> sessions;
  // The patient's latest session at or before now, if any.
  std::optional<absl::Time> last_session;
  // The ACTIVE plan and all its revisions (oldest first), when there is one.
  std::optional<v1::Plan> plan;
  std::vector<v1::PlanRevision> revisions;
  // Newest first.
  std::vector<v1::Assessment> assessments;
  // Exercises (names, progressions) and templates (the next phase).
  std::shared_ptr<const Catalogue> catalogue;
};

v1::ProgressSummary BuildSummary(const SummaryInput& input,
                                 const ProgressRules& rules);

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_SUMMARY_H_
