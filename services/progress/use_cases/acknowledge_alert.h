#ifndef COREBALANCE_SERVICES_PROGRESS_USE_CASES_ACKNOWLEDGE_ALERT_H_
#define COREBALANCE_SERVICES_PROGRESS_USE_CASES_ACKNOWLEDGE_ALERT_H_

// AcknowledgeAlert: a practitioner saw an OPEN alert and says what they did
// about it. An alert is acknowledged once.

#include <string>

#include "absl/status/statusor.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/progress/repositories/alert_repository.h"

namespace corebalance::progress {

class AcknowledgeAlert {
 public:
  AcknowledgeAlert(outbox::Transactions* tx, AlertRepository* alerts)
      : tx_(tx), alerts_(alerts) {}

  // The alert as acknowledged. NOT_FOUND when the clinic has no such alert
  // of the patient; FAILED_PRECONDITION when it is not OPEN any more.
  absl::StatusOr<StoredAlert> Run(const Caller& caller,
                                  const std::string& patient_id,
                                  const std::string& alert_id,
                                  const std::string& note,
                                  outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  AlertRepository* alerts_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_USE_CASES_ACKNOWLEDGE_ALERT_H_
