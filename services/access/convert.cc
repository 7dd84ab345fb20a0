#include "services/access/convert.h"

#include "absl/strings/str_cat.h"
#include "services/access/names.h"
#include "services/common/sql_time.h"

namespace corebalance::access {

v1::StaffMember ToProto(const StaffRecord& staff) {
  v1::StaffMember out;
  out.set_name(StaffMemberName(staff.id));
  out.set_display_name(staff.display_name);
  out.set_email(staff.email.value_or(""));
  out.set_role(staff.role);
  out.set_state(staff.state);
  *out.mutable_create_time() = ToProtoTime(staff.create_time);
  *out.mutable_update_time() = ToProtoTime(staff.update_time);
  return out;
}

v1::ApiToken ToProto(const TokenRecord& token, absl::Time now) {
  v1::ApiToken out;
  out.set_name(ApiTokenName(token.id));
  out.set_display_name(token.display_name);
  if (!token.staff_member_id.empty()) {
    out.set_staff_member(StaffMemberName(token.staff_member_id));
  }
  out.set_role(token.role);
  for (const auto& scope : token.scopes) out.add_scopes(scope);
  if (token.expire_time) {
    *out.mutable_expire_time() = ToProtoTime(*token.expire_time);
  }
  if (token.revoke_time) {
    *out.mutable_revoke_time() = ToProtoTime(*token.revoke_time);
    out.set_state(v1::ApiToken::STATE_REVOKED);
  } else if (token.expire_time && *token.expire_time <= now) {
    out.set_state(v1::ApiToken::STATE_EXPIRED);
  } else {
    out.set_state(v1::ApiToken::STATE_ACTIVE);
  }
  *out.mutable_create_time() = ToProtoTime(token.create_time);
  out.set_secret_prefix(token.secret_prefix);
  return out;
}

v1::AuditEvent ToProto(const AuditRow& row) {
  v1::AuditEvent out;
  out.set_name(absl::StrCat("auditEvents/", row.seq));
  *out.mutable_event_time() = ToProtoTime(row.event_time);
  out.set_actor(row.actor);
  out.set_actor_role(static_cast<v1::Role>(row.actor_role));
  out.set_action(row.action);
  out.set_resource(row.resource);
  out.set_patient(row.patient);
  out.set_outcome(static_cast<v1::AuditEvent::Outcome>(row.outcome));
  out.set_status_code(row.status_code);
  out.set_request_id(row.request_id);
  out.set_peer(row.peer);
  out.set_hash(row.hash);
  return out;
}

}  // namespace corebalance::access
