#include "services/access/use_cases/disable_staff_member.h"

#include "services/access/convert.h"
#include "services/access/names.h"
#include "services/common/errors.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"

namespace corebalance::access {

absl::StatusOr<StaffRecord> DisableStaffMember::Run(
    const Caller& caller, const std::string& staff_member_id,
    outbox::ChangeEvents& events) {
  const std::string name = StaffMemberName(staff_member_id);
  if (caller.actor == name) {
    return FailedPreconditionError(
        "SELF_DISABLE", "STAFF", name,
        "an administrator cannot disable their own account");
  }
  return tx_->Commit(
      caller.deadline, events,
      [&](store::Connection& c) -> absl::StatusOr<StaffRecord> {
        const absl::Time now = NowMicros();
        if (!access_->DisableStaff(c, caller.clinic_id, staff_member_id, now)) {
          return NotFoundError(name);
        }
        access_->RevokeStaffTokens(c, caller.clinic_id, staff_member_id, now);
        CB_ASSIGN_OR_RETURN(StaffRecord staff,
                            access_->LoadStaff(c, caller.clinic_id, name));
        const v1::StaffMember disabled = ToProto(staff);
        events.Add("staff_member.disabled", disabled.name(), "", 0, disabled);
        return staff;
      });
}

}  // namespace corebalance::access
