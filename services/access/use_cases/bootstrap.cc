#include "services/access/use_cases/bootstrap.h"

#include "services/common/field_violation.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/outbox/outbox.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/store/run.h"

namespace corebalance::access {
namespace {

constexpr char kBootstrap[] = "corebalance-server/bootstrap";

// Fixed request ids make concurrent bootstraps converge on one admin.
std::string AdminRequestId(const std::string& admin_name) {
  return "bootstrap-admin:" + admin_name;
}

// The bootstrap's own audit event, committed with each change it makes.
outbox::ChangeEvents BootstrapEvents(int64_t clinic_id) {
  outbox::ChangeEvents events;
  events.clinic_id = clinic_id;
  events.audit.set_actor("system:bootstrap");
  events.audit.set_actor_role(v1::ROLE_ADMIN);
  events.audit.set_action(kBootstrap);
  events.audit.set_outcome(v1::AuditEvent::OUTCOME_SUCCESS);
  events.audit.set_status_code("OK");
  return events;
}

}  // namespace

absl::StatusOr<BootstrapResult> BootstrapClinic::Run(
    const BootstrapInput& input, absl::Time deadline) {
  FieldViolations violations;
  CheckRequiredName("clinic", input.clinic_name, 200, violations);
  CheckRequiredName("admin_name", input.admin_name, 200, violations);
  CheckOptionalEmail("admin_email", input.admin_email, violations);
  if (!violations.empty()) return InvalidArgumentError(violations);

  BootstrapResult result;
  auto clinic = EnsureClinic(input.clinic_name, deadline);
  if (absl::IsAlreadyExists(clinic.status())) {  // lost a race: read it back
    clinic = EnsureClinic(input.clinic_name, deadline);
  }
  CB_RETURN_IF_ERROR(clinic.status());
  result.clinic = *clinic;

  CB_ASSIGN_OR_RETURN(
      auto existing,
      access_->FindStaffByName(clinic->id, input.admin_name, deadline));
  if (existing) {
    result.admin = *existing;
    return result;
  }
  Caller system;
  system.clinic_id = clinic->id;
  system.actor = "system:bootstrap";
  system.deadline = deadline;
  CreateStaffMemberInput admin;
  admin.display_name = input.admin_name;
  admin.email = input.admin_email;
  admin.role = v1::ROLE_ADMIN;
  admin.request_key.clinic_id = clinic->id;
  admin.request_key.method = kBootstrap;
  admin.request_key.request_id = AdminRequestId(input.admin_name);
  outbox::ChangeEvents admin_events = BootstrapEvents(clinic->id);
  auto created = create_staff_->Run(system, admin, admin_events);
  if (absl::IsAlreadyExists(created.status())) {
    // Another bootstrap created the admin at the same moment: it shows the
    // token, not us.
    CB_ASSIGN_OR_RETURN(
        auto winner,
        access_->FindStaffByName(clinic->id, input.admin_name, deadline));
    if (!winner) return created.status();
    result.admin = *winner;
    return result;
  }
  CB_RETURN_IF_ERROR(created.status());
  result.admin = *created;
  if (admin_events.replay) return result;  // replayed request id

  IssueApiTokenInput token;
  token.display_name = "bootstrap token for " + input.admin_name;
  token.staff_member_id = created->id;
  token.request_key = admin.request_key;
  token.request_key.request_id = "bootstrap-token:" + created->id;
  outbox::ChangeEvents token_events = BootstrapEvents(clinic->id);
  CB_ASSIGN_OR_RETURN(IssuedApiToken issued,
                      issue_token_->Run(system, token, token_events));
  result.admin_token = issued.secret;
  return result;
}

absl::StatusOr<Clinic> BootstrapClinic::EnsureClinic(const std::string& name,
                                                     absl::Time deadline) {
  return store::WithTransaction(
      *pool_, deadline, [&](store::Connection& c) -> absl::StatusOr<Clinic> {
        return access_->EnsureClinic(c, name);
      });
}

absl::StatusOr<BootstrapResult> Bootstrap(store::Pool& pool,
                                          const std::string& clinic_name,
                                          const std::string& admin_name,
                                          const std::string& admin_email,
                                          absl::Time deadline) {
  outbox::Outbox outbox("access", &pool);
  outbox::Transactions tx(&pool, &outbox);
  AccessRepository access(&pool);
  CreateStaffMember create_staff(&tx, &access);
  IssueApiToken issue_token(&tx, &access);
  BootstrapClinic bootstrap(&pool, &access, &create_staff, &issue_token);
  return bootstrap.Run({clinic_name, admin_name, admin_email}, deadline);
}

}  // namespace corebalance::access
