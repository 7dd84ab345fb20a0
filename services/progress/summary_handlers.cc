// ProgressService: the progress summary.

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/errors.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/progress/progress_service.h"
#include "services/progress/rules/days.h"
#include "services/progress/summary.h"

namespace corebalance::progress {
namespace {

constexpr MethodSpec kGetProgressSummary{
    "corebalance.v1.ProgressService/GetProgressSummary",
    Permission::kClinicalRead, true};

constexpr int kDefaultWindowDays = 14;
constexpr int kMaxWindowDays = 365;
// Sessions read per summary at most: a year of several sessions a day.
constexpr int kMaxSessionsRead = 5000;

}  // namespace

grpc::ServerUnaryReactor* ProgressServiceImpl::GetProgressSummary(
    grpc::CallbackServerContext* context,
    const v1::GetProgressSummaryRequest* request,
    v1::ProgressSummary* response) {
  return kit_->Unary(
      context, request, kGetProgressSummary,
      [=, this](RpcCall& call) -> absl::Status {
        const std::string& patient = request->patient();
        FieldViolations violations;
        const std::string patient_id = IdFromName(patient, "patients");
        if (patient_id.empty()) {
          violations.push_back(
              {"patient", "must be a resource name like \"patients/abc123\""});
        } else {
          call.AuditResource(patient, patient);
        }
        const int window_days = request->window_days() == 0
                                    ? kDefaultWindowDays
                                    : request->window_days();
        if (window_days < 1 || window_days > kMaxWindowDays) {
          violations.push_back({"window_days", "must be 1..365"});
        }
        if (!violations.empty()) return InvalidArgumentError(violations);

        const std::string authorization = ForwardedAuthorization(call);
        SummaryInput in;
        in.now = absl::Now();
        in.window_days = window_days;
        in.patient_name = patient;
        // The patient first: NOT_FOUND for a patient the clinic lacks.
        CB_ASSIGN_OR_RETURN(
            in.assessments,
            peers_->Assessments(patient, authorization, call.deadline()));
        CB_ASSIGN_OR_RETURN(in.plan, peers_->ActivePlan(patient, authorization,
                                                        call.deadline()));
        if (in.plan) {
          CB_ASSIGN_OR_RETURN(in.revisions, peers_->PlanRevisions(
                                                in.plan->name(), authorization,
                                                call.deadline()));
        }
        CB_ASSIGN_OR_RETURN(in.catalogue,
                            catalogue_->Get(call.principal().clinic_id,
                                            authorization, call.deadline()));

        // Only the days the summary looks at, through the (clinic, patient,
        // performed_at) index.
        SessionQuery query;
        query.clinic_id = call.principal().clinic_id;
        query.patient_id = patient_id;
        query.start_time = StartOfUtcDay(
            LastDays(in.now, SummaryLookbackDays(window_days, rules_)).first);
        query.end_time = in.now + absl::Seconds(1);
        query.limit = kMaxSessionsRead;
        CB_ASSIGN_OR_RETURN(in.sessions,
                            sessions_->List(query, call.deadline()));
        SessionQuery latest = query;
        latest.start_time.reset();
        latest.limit = 1;
        CB_ASSIGN_OR_RETURN(std::vector<StoredSession> last,
                            sessions_->List(latest, call.deadline()));
        if (!last.empty()) in.last_session = last.front().performed_at;

        *response = BuildSummary(in, rules_);
        return absl::OkStatus();
      });
}

}  // namespace corebalance::progress
