#ifndef COREBALANCE_SERVICES_PROGRESS_ALERT_ROWS_H_
#define COREBALANCE_SERVICES_PROGRESS_ALERT_ROWS_H_

// Between the alert rules' results, the stored rows and the API.

#include <cstdint>
#include <string>

#include "corebalance/v1/progress.pb.h"
#include "services/progress/repositories/alert_repository.h"
#include "services/progress/rules/alerts.h"

namespace corebalance::progress {

v1::Alert::Kind ToProtoKind(AlertKind kind);

// A new OPEN row for `alert`, with a fresh id, raised now.
StoredAlert NewAlertRow(const Alert& alert, int64_t clinic_id,
                        const std::string& patient_id);

// `patients/{patient}/alerts/{alert}`.
std::string AlertName(const std::string& patient_id, const std::string& id);

v1::Alert ToProto(const StoredAlert& alert);

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_ALERT_ROWS_H_
