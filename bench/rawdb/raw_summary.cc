#include "bench/rawdb/raw_summary.h"

#include "absl/time/clock.h"
#include "bench/rawdb/default_rules.h"
#include "services/outbox/outbox.h"
#include "services/progress/repositories/session_repository.h"
#include "services/progress/rules/days.h"
#include "services/progress/summary.h"

namespace corebalance::bench {
namespace {

constexpr absl::Duration kDeadline = absl::Seconds(10);
// As summary_handlers.cc.
constexpr int kDefaultWindowDays = 14;
constexpr int kMaxSessionsRead = 5000;

class RawSummary final : public RawOperation {
 public:
  RawSummary(store::Pool* pool, int64_t clinic_id,
             std::vector<SeedPatient> patients, int window_days)
      : outbox_("progress", pool),
        sessions_(pool),
        clinic_id_(clinic_id),
        patients_(std::move(patients)),
        window_days_(window_days == 0 ? kDefaultWindowDays : window_days) {}

  absl::Status Run(Rng& rng) override {
    const SeedPatient& patient = patients_[rng() % patients_.size()];
    const absl::Time deadline = absl::Now() + kDeadline;
    const absl::Time now = absl::Now();
    progress::SessionQuery query;
    query.clinic_id = clinic_id_;
    query.patient_id = patient.patient_id;
    query.start_time = progress::StartOfUtcDay(
        progress::LastDays(now,
                           progress::SummaryLookbackDays(window_days_, rules_))
            .first);
    query.end_time = now + absl::Seconds(1);
    query.limit = kMaxSessionsRead;
    auto sessions = sessions_.List(query, deadline);
    if (!sessions.ok()) return sessions.status();
    progress::SessionQuery latest = query;
    latest.start_time.reset();
    latest.limit = 1;
    return sessions_.List(latest, deadline).status();
  }

  std::vector<std::string> Notes() const override {
    return {
        "GetProgressSummary's own SQL through SessionRepository::List: the "
        "lookback window's sessions (with their exercises) and the latest "
        "session",
        "not included: authentication, the audit append (unless "
        "--audit), the peer calls (IntakeService ListAssessments; "
        "PrescriptionService ListPlans ACTIVE, ListPlanRevisions, and the "
        "catalogue when not cached) and building the summary"};
  }

 private:
  outbox::Outbox outbox_;
  progress::SessionRepository sessions_;
  const progress::ProgressRules rules_ = DefaultProgressRules();
  const int64_t clinic_id_;
  const std::vector<SeedPatient> patients_;
  const int window_days_;
};

}  // namespace

std::unique_ptr<RawOperation> NewRawSummary(store::Pool* pool,
                                            int64_t clinic_id,
                                            std::vector<SeedPatient> patients,
                                            int window_days) {
  return std::make_unique<RawSummary>(pool, clinic_id, std::move(patients),
                                      window_days);
}

}  // namespace corebalance::bench
