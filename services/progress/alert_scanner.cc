#include "services/progress/alert_scanner.h"

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/logging.h"
#include "services/common/status_macros.h"
#include "services/progress/alert_rows.h"
#include "services/progress/plan_periods.h"
#include "services/progress/rules/days.h"

namespace corebalance::progress {
namespace {

// A batch of due plans is claimed, read, raised and rescheduled in this
// time; its lease outlasts it, so that no other replica takes it meanwhile.
constexpr absl::Duration kBatchBudget = absl::Seconds(30);
constexpr absl::Duration kLease = absl::Minutes(2);
constexpr int kPlansPerBatch = 1000;

}  // namespace

AlertScanner::AlertScanner(CopyRepository* copy, SessionRepository* sessions,
                           AdherenceDueRepository* due, RaiseAlerts* raise,
                           AlertPolicy policy, std::function<void()> on_raised)
    : copy_(copy),
      sessions_(sessions),
      due_(due),
      raise_(raise),
      policy_(policy),
      on_raised_(std::move(on_raised)) {}

AlertScanner::~AlertScanner() { Stop(); }

absl::StatusOr<ScanResult> AlertScanner::ScanOnce(absl::Time now) {
  ScanResult result;
  // Rescheduled plans are due after `now`, and plans whose batch failed stay
  // leased past it: each plan is visited at most once per pass.
  while (true) {
    if (stopping()) return absl::CancelledError("alert scan: stopping");
    const absl::Time deadline = absl::Now() + kBatchBudget;
    const absl::Time lease_until = now + kLease;
    CB_ASSIGN_OR_RETURN(
        std::vector<DuePlan> claimed,
        due_->Claim(now, lease_until, kPlansPerBatch, deadline));
    if (claimed.empty()) break;
    std::map<int64_t, std::vector<DuePlan>> by_clinic;
    for (DuePlan& plan : claimed) {
      by_clinic[plan.clinic_id].push_back(std::move(plan));
    }
    std::vector<StoredAlert> alerts;
    std::vector<NextCheck> next;
    for (const auto& [clinic_id, plans] : by_clinic) {
      CB_RETURN_IF_ERROR(
          Evaluate(clinic_id, plans, now, deadline, alerts, next));
    }
    // Raised before the plans move on: a failure leaves them leased, and
    // due again when the lease ends.
    CB_ASSIGN_OR_RETURN(int raised, raise_->Run(alerts, deadline));
    CB_RETURN_IF_ERROR(due_->Reschedule(next, lease_until, deadline));
    result.plans += static_cast<int>(next.size());
    result.raised += raised;
  }
  if (result.raised > 0 && on_raised_) on_raised_();
  return result;
}

absl::Status AlertScanner::Evaluate(int64_t clinic_id,
                                    const std::vector<DuePlan>& plans,
                                    absl::Time now, absl::Time deadline,
                                    std::vector<StoredAlert>& alerts,
                                    std::vector<NextCheck>& next) {
  CB_ASSIGN_OR_RETURN(auto copied,
                      copy_->PlansToScan(clinic_id, plans, deadline));
  std::set<std::string> unique;
  for (const DuePlan& plan : plans) unique.insert(plan.patient_id);
  // LOW_ADHERENCE looks at the complete weeks before this one.
  const absl::Time start =
      StartOfUtcDay(WeekStart(UtcDay(now)) - 7 * policy_.low_adherence_weeks);
  CB_ASSIGN_OR_RETURN(
      auto sessions,
      sessions_->AdherenceSessions(
          clinic_id, std::vector<std::string>(unique.begin(), unique.end()),
          start, now + absl::Seconds(1), deadline));
  for (const DuePlan& plan : plans) {
    auto found = copied.find(ScanKey(plan.patient_id, plan.plan_id));
    if (found == copied.end() ||
        found->second.state != static_cast<int>(v1::Plan::STATE_ACTIVE)) {
      next.push_back({plan, std::nullopt});  // no longer followed
      continue;
    }
    AlertInput input;
    input.plan_id = plan.plan_id;
    input.active_periods = ActivePeriodsOf(found->second.revisions);
    input.sessions = sessions[plan.patient_id];
    input.now = now;
    for (const Alert& alert : EvaluateAlerts(input, policy_)) {
      if (alert.kind == AlertKind::kNonAdherence ||
          alert.kind == AlertKind::kLowAdherence) {
        alerts.push_back(NewAlertRow(alert, clinic_id, plan.patient_id));
      }
    }
    next.push_back({plan, NextAdherenceCheck(input, policy_)});
  }
  return absl::OkStatus();
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
