#include "services/access/bootstrap.h"

#include "absl/strings/str_cat.h"
#include "services/access/token_secret.h"
#include "services/common/errors.h"
#include "services/common/field_violation.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"

namespace corebalance::access {
namespace {

// Fixed request ids make concurrent bootstraps converge on one admin.
std::string AdminRequestId(const std::string& admin_name) {
  return "bootstrap-admin:" + admin_name;
}

}  // namespace

absl::StatusOr<BootstrapResult> Bootstrap(AccessStore& store,
                                          const std::string& clinic_name,
                                          const std::string& admin_name,
                                          const std::string& admin_email,
                                          absl::Time deadline) {
  FieldViolations violations;
  CheckRequiredText("clinic", clinic_name, 200, violations);
  CheckRequiredText("admin_name", admin_name, 200, violations);
  CheckOptionalEmail("admin_email", admin_email, violations);
  if (!violations.empty()) return InvalidArgumentError(violations);

  BootstrapResult result;
  bool clinic_created = false;
  auto clinic = store.EnsureClinic(clinic_name, &clinic_created, deadline);
  if (absl::IsAlreadyExists(clinic.status())) {  // lost a race: read it back
    clinic = store.EnsureClinic(clinic_name, &clinic_created, deadline);
  }
  CB_RETURN_IF_ERROR(clinic.status());
  result.clinic = *clinic;

  CB_ASSIGN_OR_RETURN(auto existing,
                      store.FindStaffByName(clinic->id, admin_name, deadline));
  if (existing) {
    result.admin = *existing;
    return result;
  }
  StaffRecord admin;
  admin.id = NewResourceId();
  admin.clinic_id = clinic->id;
  admin.display_name = admin_name;
  if (!admin_email.empty()) admin.email = admin_email;
  admin.role = v1::ROLE_ADMIN;
  admin.create_time = admin.update_time = NowMicros();
  // The bootstrap's audit event commits with the admin and the token.
  auto events_for = [&](const std::string& resource) {
    outbox::ChangeEvents events;
    events.clinic_id = clinic->id;
    events.audit.set_actor("system:bootstrap");
    events.audit.set_actor_role(v1::ROLE_ADMIN);
    events.audit.set_action("corebalance-server/bootstrap");
    events.audit.set_resource(resource);
    events.audit.set_outcome(v1::AuditEvent::OUTCOME_SUCCESS);
    events.audit.set_status_code("OK");
    return events;
  };
  store::RequestKey admin_key;
  admin_key.clinic_id = clinic->id;
  admin_key.method = "corebalance-server/bootstrap";
  admin_key.request_id = AdminRequestId(admin_name);
  outbox::ChangeEvents admin_events =
      events_for(absl::StrCat("staffMembers/", admin.id));
  auto created = store.CreateStaff(admin, admin_key, admin_events, deadline);
  if (absl::IsAlreadyExists(created.status())) {
    // Another bootstrap created the admin at the same moment: it shows the
    // token, not us.
    CB_ASSIGN_OR_RETURN(
        auto winner, store.FindStaffByName(clinic->id, admin_name, deadline));
    if (!winner) return created.status();
    result.admin = *winner;
    return result;
  }
  CB_RETURN_IF_ERROR(created.status());
  result.admin = *created;
  if (created->id != admin.id) return result;  // replayed request id

  TokenRecord token;
  token.id = NewResourceId();
  token.clinic_id = clinic->id;
  token.display_name = "bootstrap token for " + admin_name;
  token.staff_member_id = admin.id;
  token.role = v1::ROLE_ADMIN;
  token.create_time = NowMicros();
  const TokenSecret secret = NewTokenSecret();
  token.secret_hash = secret.hash;
  token.secret_prefix = secret.prefix;
  bool replayed = false;
  store::RequestKey token_key = admin_key;
  token_key.request_id = "bootstrap-token:" + admin.id;
  outbox::ChangeEvents token_events =
      events_for(absl::StrCat("apiTokens/", token.id));
  CB_RETURN_IF_ERROR(
      store.InsertToken(token, token_key, token_events, &replayed, deadline)
          .status());
  if (!replayed) result.admin_token = secret.secret;
  return result;
}

}  // namespace corebalance::access
