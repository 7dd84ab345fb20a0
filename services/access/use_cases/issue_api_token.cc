#include "services/access/use_cases/issue_api_token.h"

#include "services/access/convert.h"
#include "services/access/names.h"
#include "services/access/token_secret.h"
#include "services/access/use_cases/audit_resource.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"

namespace corebalance::access {

absl::StatusOr<IssuedApiToken> IssueApiToken::Run(
    const Caller& caller, const IssueApiTokenInput& input,
    outbox::ChangeEvents& events) {
  TokenRecord token;
  token.id = NewResourceId();
  token.clinic_id = caller.clinic_id;
  token.display_name = input.display_name;
  token.role = v1::ROLE_INTEGRATION;
  if (!input.staff_member_id.empty()) {
    auto staff = access_->GetStaff(caller.clinic_id, input.staff_member_id,
                                   caller.deadline);
    if (absl::IsNotFound(staff.status())) {
      return InvalidArgumentError("api_token.staff_member",
                                  "no such staff member in this clinic");
    }
    CB_RETURN_IF_ERROR(staff.status());
    if (staff->state != v1::StaffMember::STATE_ACTIVE) {
      return FailedPreconditionError("STAFF_DISABLED", "STAFF",
                                     StaffMemberName(input.staff_member_id),
                                     "the staff member is disabled");
    }
    token.staff_member_id = input.staff_member_id;
    token.role = staff->role;
  }
  token.scopes = input.scopes;
  token.expire_time = input.expire_time;
  token.create_time = NowMicros();
  const TokenSecret secret = NewTokenSecret();
  token.secret_hash = secret.hash;
  token.secret_prefix = secret.prefix;
  NameAuditResource(ApiTokenName(token.id), events);
  CB_ASSIGN_OR_RETURN(
      TokenRecord stored,
      tx_->CreateOnce<TokenRecord>(
          caller.deadline, events, access_->request_ids(), input.request_key,
          [&](store::Connection& c) -> absl::StatusOr<TokenRecord> {
            access_->InsertToken(c, token);
            // The event never carries the secret: only its hash is stored.
            const v1::ApiToken issued = ToProto(token, token.create_time);
            events.Add("api_token.issued", issued.name(), "", 0, issued);
            return token;
          },
          [](const TokenRecord& t) { return ApiTokenName(t.id); },
          [&](store::Connection& c, const std::string& earlier) {
            return access_->LoadToken(c, token.clinic_id, earlier);
          }));
  return IssuedApiToken{std::move(stored),
                        events.replay ? std::string() : secret.secret};
}

}  // namespace corebalance::access
