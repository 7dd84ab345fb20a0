#include "services/progress/alert_scanner.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/authenticator.h"
#include "services/common/grpc_status.h"
#include "services/common/internal_detail.h"
#include "services/common/internal_key.h"
#include "services/common/logging.h"
#include "services/common/principal_proto.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/progress/alert_rows.h"
#include "services/progress/plan_periods.h"
#include "services/progress/rules/days.h"
#include "services/progress/session_proto.h"

namespace corebalance::progress {
namespace {

// A page of plans and their patients' sessions must be read in this time.
constexpr absl::Duration kPageBudget = absl::Seconds(30);
constexpr int kPlansPerPage = 200;

}  // namespace

AlertScanner::AlertScanner(SessionRepository* sessions, RaiseAlerts* raise,
                           std::shared_ptr<grpc::Channel> prescription,
                           std::string internal_key, AlertPolicy policy,
                           std::function<void()> on_raised)
    : sessions_(sessions),
      raise_(raise),
      prescription_(prescription
                        ? v1::PrescriptionInternalService::NewStub(prescription)
                        : nullptr),
      internal_key_(std::move(internal_key)),
      policy_(policy),
      on_raised_(std::move(on_raised)) {}

AlertScanner::~AlertScanner() { Stop(); }

absl::StatusOr<ScanResult> AlertScanner::ScanOnce(absl::Time now) {
  if (prescription_ == nullptr) {
    return absl::UnavailableError("alert scan: prescription is not reachable");
  }
  ScanResult result;
  std::string page_token;
  do {
    const absl::Time deadline = absl::Now() + kPageBudget;
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(deadline));
    context.AddMetadata(kInternalKeyHeader, internal_key_);
    v1::ListActivePlansRequest request;
    request.set_page_size(kPlansPerPage);
    request.set_page_token(page_token);
    v1::ListActivePlansResponse response;
    grpc::Status status =
        prescription_->ListActivePlans(&context, request, &response);
    if (!status.ok()) return FromGrpcStatus(status);
    for (const v1::ActivePlan& plan : response.plans()) {
      // A scan of a large clinic group takes minutes: shutdown must not wait.
      if (stopping()) return absl::CancelledError("alert scan: stopping");
      CB_ASSIGN_OR_RETURN(int raised, ScanPlan(plan, now, deadline));
      result.plans++;
      result.raised += raised;
    }
    page_token = response.next_page_token();
  } while (!page_token.empty());
  if (result.raised > 0 && on_raised_) on_raised_();
  return result;
}

absl::StatusOr<int> AlertScanner::ScanPlan(const v1::ActivePlan& plan,
                                           absl::Time now,
                                           absl::Time deadline) {
  const int64_t clinic_id = ClinicIdFromName(plan.clinic());
  // `patients/{patient}/plans/{plan}`.
  const std::string& plan_name = plan.plan().name();
  const std::string patient_id =
      IdFromName(plan_name.substr(0, plan_name.find("/plans/")), "patients");
  // LOW_ADHERENCE looks at the complete weeks before this one.
  SessionQuery query;
  query.clinic_id = clinic_id;
  query.patient_id = patient_id;
  query.start_time =
      StartOfUtcDay(WeekStart(UtcDay(now)) - 7 * policy_.low_adherence_weeks);
  query.end_time = now + absl::Seconds(1);
  query.limit = kMaxSessionsRead;
  CB_ASSIGN_OR_RETURN(std::vector<StoredSession> sessions,
                      sessions_->List(query, deadline));
  if (sessions.empty()) {
    // NON_ADHERENCE counts from the last session, however long ago.
    query.start_time.reset();
    query.limit = 1;
    CB_ASSIGN_OR_RETURN(sessions, sessions_->List(query, deadline));
  }
  AlertInput input;
  input.plan_id = plan_name.substr(plan_name.rfind('/') + 1);
  input.active_periods = ActivePeriodsOf(plan.revisions());
  for (const auto& s : sessions) input.sessions.push_back(ToSessionRecord(s));
  input.now = now;
  std::vector<StoredAlert> rows;
  for (const Alert& alert : EvaluateAlerts(input, policy_)) {
    if (alert.kind == AlertKind::kNonAdherence ||
        alert.kind == AlertKind::kLowAdherence) {
      rows.push_back(NewAlertRow(alert, clinic_id, patient_id));
    }
  }
  return raise_->Run(rows, deadline);
}

bool AlertScanner::stopping() {
  absl::MutexLock lock(&mu_);
  return stopping_;
}

void AlertScanner::Start(absl::Duration interval) {
  thread_ = std::thread([this, interval] { Loop(interval); });
}

void AlertScanner::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void AlertScanner::Loop(absl::Duration interval) {
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      auto stop = [this]()
                      ABSL_SHARED_LOCKS_REQUIRED(mu_) { return stopping_; };
      if (mu_.AwaitWithTimeout(absl::Condition(&stop), interval)) return;
    }
    const absl::Time started = absl::Now();
    absl::StatusOr<ScanResult> result = ScanOnce(started);
    if (absl::IsCancelled(result.status())) return;
    if (!result.ok()) {
      log::Warn("alert_scan_failed",
                {{"error", MessageAndDetail(result.status())}});
      continue;
    }
    log::Info("alert_scan", {{"plans", absl::StrCat(result->plans)},
                             {"raised", absl::StrCat(result->raised)},
                             {"ms", absl::StrCat(absl::ToInt64Milliseconds(
                                        absl::Now() - started))}});
  }
}

}  // namespace corebalance::progress
