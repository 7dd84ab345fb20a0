#ifndef COREBALANCE_SERVICES_ACCESS_USE_CASES_DISABLE_STAFF_MEMBER_H_
#define COREBALANCE_SERVICES_ACCESS_USE_CASES_DISABLE_STAFF_MEMBER_H_

// DisableStaffMember: the member may no longer sign in, and every token of
// theirs is revoked, in one transaction with a "staff_member.disabled"
// event.

#include <string>

#include "absl/status/statusor.h"
#include "services/access/records.h"
#include "services/access/repositories/access_repository.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"

namespace corebalance::access {

class DisableStaffMember {
 public:
  DisableStaffMember(outbox::Transactions* tx, AccessRepository* access)
      : tx_(tx), access_(access) {}

  // The member, disabled. FAILED_PRECONDITION for the caller's own
  // account; NOT_FOUND when the clinic has no such member.
  absl::StatusOr<StaffRecord> Run(const Caller& caller,
                                  const std::string& staff_member_id,
                                  outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  AccessRepository* access_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_USE_CASES_DISABLE_STAFF_MEMBER_H_
