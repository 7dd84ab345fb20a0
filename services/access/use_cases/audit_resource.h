#ifndef COREBALANCE_SERVICES_ACCESS_USE_CASES_AUDIT_RESOURCE_H_
#define COREBALANCE_SERVICES_ACCESS_USE_CASES_AUDIT_RESOURCE_H_

// A create knows its resource's name only once it made the id: it names it
// in the call's audit event itself. Access resources hold no patient's data.

#include <string>

#include "services/outbox/outbox_event.h"

namespace corebalance::access {

inline void NameAuditResource(const std::string& name,
                              outbox::ChangeEvents& events) {
  events.audit.set_resource(name);
  events.audit.clear_patient();
}

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_USE_CASES_AUDIT_RESOURCE_H_
