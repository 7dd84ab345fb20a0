#include "services/access/use_cases/create_staff_member.h"

#include "services/access/convert.h"
#include "services/access/names.h"
#include "services/access/use_cases/audit_resource.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"

namespace corebalance::access {

absl::StatusOr<StaffRecord> CreateStaffMember::Run(
    const Caller& caller, const CreateStaffMemberInput& input,
    outbox::ChangeEvents& events) {
  StaffRecord staff;
  staff.id = NewResourceId();
  staff.clinic_id = caller.clinic_id;
  staff.display_name = input.display_name;
  if (!input.email.empty()) staff.email = input.email;
  staff.role = input.role;
  staff.state = v1::StaffMember::STATE_ACTIVE;
  staff.create_time = staff.update_time = NowMicros();
  NameAuditResource(StaffMemberName(staff.id), events);
  return tx_->CreateOnce<StaffRecord>(
      caller.deadline, events, access_->request_ids(), input.request_key,
      [&](store::Connection& c) -> absl::StatusOr<StaffRecord> {
        access_->InsertStaff(c, staff);
        const v1::StaffMember created = ToProto(staff);
        events.Add("staff_member.created", created.name(), "", 0, created);
        return staff;
      },
      [](const StaffRecord& s) { return StaffMemberName(s.id); },
      [&](store::Connection& c, const std::string& earlier) {
        return access_->LoadStaff(c, staff.clinic_id, earlier);
      });
}

}  // namespace corebalance::access
