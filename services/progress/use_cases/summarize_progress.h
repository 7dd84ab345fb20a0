#ifndef COREBALANCE_SERVICES_PROGRESS_USE_CASES_SUMMARIZE_PROGRESS_H_
#define COREBALANCE_SERVICES_PROGRESS_USE_CASES_SUMMARIZE_PROGRESS_H_

// GetProgressSummary's work: gather the patient's sessions, ACTIVE plan
// with its history, assessments (source_reads.h) and the clinic's catalogue,
// then let the pure summary (summary.h) decide. It changes nothing.

#include <string>

#include "absl/status/statusor.h"
#include "corebalance/v1/progress.pb.h"
#include "services/common/caller.h"
#include "services/progress/catalogue_cache.h"
#include "services/progress/policy.h"
#include "services/progress/repositories/session_repository.h"
#include "services/progress/source_reads.h"

namespace corebalance::progress {

class SummarizeProgress {
 public:
  SummarizeProgress(SessionRepository* sessions, SourceReads* sources,
                    ProgressRules rules)
      : sessions_(sessions), sources_(sources), rules_(rules) {}
  // Set once the server runs (the in-process channels exist only then).
  void Wire(CatalogueCache* catalogue) { catalogue_ = catalogue; }

  // NOT_FOUND when the caller's clinic has no such patient.
  absl::StatusOr<v1::ProgressSummary> Run(const Caller& caller,
                                          const std::string& patient_id,
                                          int window_days);

 private:
  SessionRepository* sessions_;
  SourceReads* sources_;
  const ProgressRules rules_;
  CatalogueCache* catalogue_ = nullptr;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_USE_CASES_SUMMARIZE_PROGRESS_H_
