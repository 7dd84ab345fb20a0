#include "services/progress/use_cases/raise_alerts.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "services/common/status_macros.h"
#include "services/outbox/outbox_event.h"
#include "services/progress/alert_rows.h"

namespace corebalance::progress {

absl::StatusOr<int> RaiseAlerts::Run(const std::vector<StoredAlert>& alerts,
                                     absl::Time deadline) {
  // Most calls re-raise known causes: those need no lock.
  CB_ASSIGN_OR_RETURN(std::vector<StoredAlert> fresh,
                      alerts_->WithoutKnownCauses(alerts, deadline));
  std::map<int64_t, std::vector<const StoredAlert*>> by_clinic;
  for (const StoredAlert& a : fresh) by_clinic[a.clinic_id].push_back(&a);
  int raised = 0;
  for (const auto& [clinic_id, clinic_alerts] : by_clinic) {
    CB_ASSIGN_OR_RETURN(
        int inserted,
        tx_->CommitUnaudited(
            deadline, clinic_id,
            [&](store::Connection& c,
                std::vector<v1::DomainEvent>& domain) -> absl::StatusOr<int> {
              alerts_->LockClinic(c, clinic_id);
              int n = 0;
              for (const StoredAlert* a : clinic_alerts) {
                if (!alerts_->InsertIfNew(c, *a)) continue;
                ++n;
                const v1::Alert alert = ToProto(*a);
                domain.push_back(outbox::DomainEventOf(
                    "alert.raised", alert.name(),
                    absl::StrCat("patients/", a->patient_id), 0, alert));
              }
              return n;
            }));
    raised += inserted;
  }
  return raised;
}

}  // namespace corebalance::progress
