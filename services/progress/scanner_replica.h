#ifndef COREBALANCE_SERVICES_PROGRESS_SCANNER_REPLICA_H_
#define COREBALANCE_SERVICES_PROGRESS_SCANNER_REPLICA_H_

// An adherence scanner with connections and repositories of its own, as
// another replica of progress runs it: for the tests and the benchmark that
// have several scan at once (the server wires its own in progress_module).

#include "services/outbox/outbox.h"
#include "services/outbox/transactions.h"
#include "services/progress/alert_scanner.h"
#include "services/store/mysql_config.h"

namespace corebalance::progress {

struct ScannerReplica {
  explicit ScannerReplica(const store::MysqlConfig& mysql,
                          AlertPolicy policy = {})
      : pool(mysql),
        outbox("progress", &pool),
        tx(&pool, &outbox),
        sessions(&pool),
        alerts(&pool),
        raise(&tx, &alerts),
        due(&pool),
        copy(&pool, &due),
        scanner(&copy, &sessions, &due, &raise, policy, nullptr) {}

  store::Pool pool;
  outbox::Outbox outbox;
  outbox::Transactions tx;
  SessionRepository sessions;
  AlertRepository alerts;
  RaiseAlerts raise;
  AdherenceDueRepository due;
  CopyRepository copy;
  AlertScanner scanner;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_SCANNER_REPLICA_H_
