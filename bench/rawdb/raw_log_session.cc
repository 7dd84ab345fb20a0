#include "bench/rawdb/raw_log_session.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/common/session_maker.h"
#include "bench/rawdb/default_rules.h"
#include "bench/stored/as_logged.h"
#include "corebalance/v1/progress.pb.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/outbox/outbox.h"
#include "services/outbox/transactions.h"
#include "services/progress/repositories/alert_repository.h"
#include "services/progress/repositories/session_repository.h"
#include "services/progress/rules/alerts.h"
#include "services/progress/rules/days.h"
#include "services/progress/session_proto.h"
#include "services/progress/use_cases/raise_alerts.h"

namespace corebalance::bench {
namespace {

constexpr absl::Duration kDeadline = absl::Seconds(10);

int ProtoKind(progress::AlertKind kind) {
  return kind == progress::AlertKind::kPainFlare ? v1::Alert::KIND_PAIN_FLARE
                                                 : v1::Alert::KIND_WORSENING;
}

class RawLogSession final : public RawOperation {
 public:
  RawLogSession(store::Pool* pool, int64_t clinic_id,
                std::vector<SeedPatient> patients)
      : outbox_("progress", pool),
        tx_(pool, &outbox_),
        sessions_(pool),
        alerts_(pool),
        raise_(&tx_, &alerts_),
        clinic_id_(clinic_id),
        patients_(std::move(patients)) {}

  absl::Status Run(Rng& rng) override {
    const SeedPatient& patient = patients_[rng() % patients_.size()];
    const absl::Time deadline = absl::Now() + kDeadline;
    const std::string request_id = FreshRequestId();
    store::RequestKey key;
    key.clinic_id = clinic_id_;
    key.method = "corebalance.v1.ProgressService/LogSession";
    key.request_id = request_id;
    key.parent = absl::StrCat("patients/", patient.patient_id);
    key.fingerprint = request_id;
    auto earlier = sessions_.FindLogged(key, deadline);
    if (!earlier.ok()) return earlier.status();

    const absl::Time performed =
        std::max(patient.plan_start + absl::Minutes(1),
                 absl::Now() - absl::Seconds(UniformInt(rng, 60, 3 * 3600)));
    auto session = AsLogged(MakeSession(patient, performed, 1.0, rng), patient,
                            clinic_id_, NewResourceId(), NowMicros());
    if (!session.ok()) return session.status();
    // The call's audit event and its domain event commit with the session,
    // as LogSession's do.
    outbox::ChangeEvents events;
    events.clinic_id = clinic_id_;
    events.audit.set_actor("staffMembers/bench");
    events.audit.set_action(key.method);
    events.audit.set_resource(key.parent + "/sessions/" + session->id);
    events.audit.set_patient(key.parent);
    events.audit.set_status_code("OK");
    events.audit.set_request_id(request_id);
    v1::Session logged;
    logged.set_name(events.audit.resource());
    events.Add("session.logged", logged.name(), key.parent, 1, logged);
    auto stored = tx_.CreateOnce<progress::StoredSession>(
        deadline, events, sessions_.request_ids(), key,
        [&](store::Connection& c) -> absl::StatusOr<progress::StoredSession> {
          sessions_.Insert(c, *session);
          return *session;
        },
        [&](const progress::StoredSession&) { return logged.name(); },
        [&](store::Connection&, const std::string&)
            -> absl::StatusOr<progress::StoredSession> { return *session; });
    if (!stored.ok()) return stored.status();
    return RaiseSessionAlerts(patient, deadline);
  }

  std::vector<std::string> Notes() const override {
    return {
        "LogSession's own SQL through its repositories and transactions: "
        "FindLogged, "
        "Insert (transaction: request id check, session, its exercises, "
        "request id, the outbox rows of its audit and domain events), List "
        "of the alert lookback (with the sessions' exercises), Raise",
        "not included: authentication, the relay, the audit append of old "
        "(--audit), "
        "the peer calls GetPlan (PrescriptionService), ListAssessments "
        "(IntakeService, for the INITIAL NPRS; taken from the seed file "
        "here) and, without pain before, the latest assessment"};
  }

 private:
  // RaiseSessionAlerts' database work.
  absl::Status RaiseSessionAlerts(const SeedPatient& patient,
                                  absl::Time deadline) {
    const absl::Time now = absl::Now();
    const int lookback = std::max(rules_.alerts.pain_flare_lookback_days,
                                  rules_.alerts.worsening.recent_days);
    progress::SessionQuery query;
    query.clinic_id = clinic_id_;
    query.patient_id = patient.patient_id;
    query.start_time =
        progress::StartOfUtcDay(progress::LastDays(now, lookback).first);
    query.limit = 5000;
    auto sessions = sessions_.List(query, deadline);
    if (!sessions.ok()) return sessions.status();
    progress::AlertInput input;
    input.now = now;
    for (const auto& s : *sessions) {
      input.now = std::max(input.now, s.performed_at);
      input.sessions.push_back(progress::ToSessionRecord(s));
    }
    input.initial_nprs_now = patient.initial_nprs;
    std::vector<progress::StoredAlert> raised;
    for (const auto& alert : progress::EvaluateAlerts(input, rules_.alerts)) {
      if (alert.kind != progress::AlertKind::kPainFlare &&
          alert.kind != progress::AlertKind::kWorsening) {
        continue;
      }
      progress::StoredAlert a;
      a.id = NewResourceId();
      a.clinic_id = clinic_id_;
      a.patient_id = patient.patient_id;
      a.kind = ProtoKind(alert.kind);
      a.cause_key = alert.cause_key;
      a.message = alert.message;
      a.state = v1::Alert::STATE_OPEN;
      a.create_time = NowMicros();
      raised.push_back(std::move(a));
    }
    return raise_.Run(raised, deadline).status();
  }

  outbox::Outbox outbox_;
  outbox::Transactions tx_;
  progress::SessionRepository sessions_;
  progress::AlertRepository alerts_;
  progress::RaiseAlerts raise_;
  const progress::ProgressRules rules_ = DefaultProgressRules();
  const int64_t clinic_id_;
  const std::vector<SeedPatient> patients_;
};

}  // namespace

std::unique_ptr<RawOperation> NewRawLogSession(
    store::Pool* pool, int64_t clinic_id, std::vector<SeedPatient> patients) {
  return std::make_unique<RawLogSession>(pool, clinic_id, std::move(patients));
}

}  // namespace corebalance::bench
