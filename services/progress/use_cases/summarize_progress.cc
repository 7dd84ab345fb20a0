#include "services/progress/use_cases/summarize_progress.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>

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
  // Writes to intake and prescription made before this call are read.
  const absl::Duration intake_lag = sources_->AwaitIntake(caller, in.now);
  const absl::Duration plan_lag = sources_->AwaitPrescription(caller, in.now);
  // The patient first: NOT_FOUND for a patient the clinic lacks.
  CB_ASSIGN_OR_RETURN(
      in.assessments,
      sources_->Assessments(caller, patient_id,
                            v1::Assessment::KIND_UNSPECIFIED, intake_lag));
  CB_ASSIGN_OR_RETURN(in.plan, sources_->Plan(caller, patient_id, ""));
  if (in.plan) {
    CB_ASSIGN_OR_RETURN(in.revisions,
                        sources_->PlanRevisions(caller, patient_id, *in.plan));
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
  v1::ProgressSummary summary = BuildSummary(in, rules_);
  const absl::Duration lag = std::max(intake_lag, plan_lag);
  if (lag > absl::ZeroDuration()) {
    // A copy never fed reports a century rather than overflowing.
    *summary.mutable_source_data_lag() =
        google::protobuf::util::TimeUtil::MicrosecondsToDuration(
            absl::ToInt64Microseconds(std::min(lag, absl::Hours(24 * 36500))));
  }
  return summary;
}

}  // namespace corebalance::progress
