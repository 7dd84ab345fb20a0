#ifndef COREBALANCE_SERVICES_ACCESS_USE_CASES_CREATE_STAFF_MEMBER_H_
#define COREBALANCE_SERVICES_ACCESS_USE_CASES_CREATE_STAFF_MEMBER_H_

// CreateStaffMember: a new, active member of the caller's clinic,
// committed with its "staff_member.created" event.

#include <string>

#include "absl/status/statusor.h"
#include "corebalance/v1/access.pb.h"
#include "services/access/records.h"
#include "services/access/repositories/access_repository.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/store/request_ids.h"

namespace corebalance::access {

struct CreateStaffMemberInput {
  std::string display_name;
  std::string email;  // empty: none
  v1::Role role = v1::ROLE_UNSPECIFIED;
  store::RequestKey request_key;
};

class CreateStaffMember {
 public:
  CreateStaffMember(outbox::Transactions* tx, AccessRepository* access)
      : tx_(tx), access_(access) {}

  // The member created. With a request id, a retry gets the first call's
  // member and commits no new one (events.replay is then set).
  // ALREADY_EXISTS when another member has the email.
  absl::StatusOr<StaffRecord> Run(const Caller& caller,
                                  const CreateStaffMemberInput& input,
                                  outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  AccessRepository* access_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_USE_CASES_CREATE_STAFF_MEMBER_H_
