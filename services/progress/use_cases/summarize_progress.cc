#include "services/progress/use_cases/summarize_progress.h"

#include "absl/time/clock.h"
#include "services/common/status_macros.h"
#include "services/progress/rules/days.h"
#include "services/progress/session_proto.h"
#include "services/progress/summary.h"

namespace corebalance::progress {
absl::StatusOr<v1::ProgressSummary> SummarizeProgress::Run(
    const Caller& caller, const std::string& patient_id, int window_days) {
  const std::string patient = PatientName(patient_id);
  SummaryInput in;
  in.now = absl::Now();
  in.window_days = window_days;
  in.patient_name = patient;
  // The patient first: NOT_FOUND for a patient the clinic lacks.
  CB_ASSIGN_OR_RETURN(in.assessments, intake_->Assessments(patient, caller));
  CB_ASSIGN_OR_RETURN(in.plan, prescription_->ActivePlan(patient, caller));
  if (in.plan) {
    CB_ASSIGN_OR_RETURN(in.revisions,
                        prescription_->PlanRevisions(in.plan->name(), caller));
  }
  CB_ASSIGN_OR_RETURN(in.catalogue, catalogue_->Get(caller));

  // Only the days the summary looks at, through the (clinic, patient,
  // performed_at) index.
  SessionQuery query;
  query.clinic_id = caller.clinic_id;
  query.patient_id = patient_id;
  query.start_time = StartOfUtcDay(
      LastDays(in.now, SummaryLookbackDays(window_days, rules_)).first);
  query.end_time = in.now + absl::Seconds(1);
  query.limit = kMaxSessionsRead;
  CB_ASSIGN_OR_RETURN(in.sessions, sessions_->List(query, caller.deadline));
  SessionQuery latest = query;
  latest.start_time.reset();
  latest.limit = 1;
  CB_ASSIGN_OR_RETURN(std::vector<StoredSession> last,
                      sessions_->List(latest, caller.deadline));
  if (!last.empty()) in.last_session = last.front().performed_at;
  return BuildSummary(in, rules_);
}

}  // namespace corebalance::progress
