#include "services/progress/use_cases/log_session.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/progress/session_checks.h"
#include "services/progress/session_proto.h"

namespace corebalance::progress {

absl::StatusOr<v1::Plan> LogSession::FollowedPlan(const Caller& caller,
                                                  const LogSessionInput& input,
                                                  absl::Time since) {
  const absl::Duration lag = sources_->AwaitPrescription(caller, since);
  CB_ASSIGN_OR_RETURN(std::optional<v1::Plan> plan,
                      sources_->Plan(caller, input.patient_id, input.plan_id));
  FieldViolations violations;
  if (plan) CheckAgainstPlan(*input.session, *plan, violations);
  if (plan && !violations.empty() && lag > absl::ZeroDuration()) {
    // The copy may hold an older revision than the one the session follows.
    absl::StatusOr<std::optional<v1::Plan>> owned = sources_->PlanFromOwner(
        caller, input.patient_id, LastSegment(plan->name()));
    if (owned.ok() && *owned) {
      plan = **std::move(owned);
      violations.clear();
      CheckAgainstPlan(*input.session, *plan, violations);
    }
  }
  if (!violations.empty()) return InvalidArgumentError(violations);
  if (plan) return *std::move(plan);
  const std::string patient = PatientName(input.patient_id);
  if (input.plan_id.empty()) {
    return FailedPreconditionError(
        "ACTIVE_PLAN_REQUIRED", "PLAN", patient,
        absl::StrCat(patient,
                     " has no ACTIVE plan: assign one through "
                     "PrescriptionService, or name the plan followed"));
  }
  return InvalidArgumentError(
      "session.plan", absl::StrCat("no such plan: ",
                                   PlanName(input.patient_id, input.plan_id)));
}

absl::StatusOr<StoredSession> LogSession::Run(const Caller& caller,
                                              const LogSessionInput& input,
                                              outbox::ChangeEvents& events) {
  // Writes to intake and prescription made before this call are read.
  const absl::Time since = absl::Now();
  if (!input.request_key.request_id.empty()) {
    CB_ASSIGN_OR_RETURN(auto earlier, sessions_->FindLogged(input.request_key,
                                                            caller.deadline));
    if (earlier) {
      // A retry finishes what a failed try may have left undone.
      alerts_->AfterCommit(caller, earlier->patient_id);
      return *std::move(earlier);
    }
  }

  const v1::Session& in = *input.session;
  CB_ASSIGN_OR_RETURN(v1::Plan plan, FollowedPlan(caller, input, since));

  StoredSession session = FromProto(in);
  if (!in.has_pain_before()) {
    // Without the patient's own pain before, the latest assessment is the
    // baseline; kept with the session for its re-classification.
    const absl::Duration lag = sources_->AwaitIntake(caller, since);
    CB_ASSIGN_OR_RETURN(
        std::vector<v1::Assessment> assessments,
        sources_->Assessments(caller, input.patient_id,
                              v1::Assessment::KIND_UNSPECIFIED, lag));
    if (!assessments.empty()) {
      session.assessment_nprs = assessments.front().nprs_now();
    }
  }
  session.id = NewResourceId();
  session.clinic_id = caller.clinic_id;
  session.patient_id = input.patient_id;
  session.plan_id = LastSegment(plan.name());
  session.plan_revision = plan.revision();
  session.logged_by = caller.actor;
  session.revision = 1;
  session.create_time = session.update_time = NowMicros();
  CB_ASSIGN_OR_RETURN(SessionClassification classification,
                      Classify(session, rules_));
  session.traffic_light = ToProtoLight(classification.light);
  const v1::Session logged = ToProto(session, classification);
  events.audit.set_resource(logged.name());

  CB_ASSIGN_OR_RETURN(
      StoredSession stored,
      tx_->CreateOnce<StoredSession>(
          caller.deadline, events, sessions_->request_ids(), input.request_key,
          [&](store::Connection& c) -> absl::StatusOr<StoredSession> {
            sessions_->Insert(c, session);
            // The gap this session starts may end in NON_ADHERENCE.
            due_->SoonerIfFollowed(
                c, {session.clinic_id, session.patient_id, session.plan_id},
                EarliestNonAdherenceAfter(session.performed_at, alert_rules_));
            events.Add("session.logged", logged.name(),
                       PatientName(session.patient_id), session.revision,
                       logged);
            return session;
          },
          [](const StoredSession& s) {
            return SessionName(s.patient_id, s.id);
          },
          [&](store::Connection& c,
              const std::string& name) -> absl::StatusOr<StoredSession> {
            auto found = sessions_->FindNamed(c, caller.clinic_id, name);
            if (!found) return NotFoundError(name);
            return *found;
          }));
  alerts_->AfterCommit(caller, input.patient_id);
  return stored;
}

}  // namespace corebalance::progress
