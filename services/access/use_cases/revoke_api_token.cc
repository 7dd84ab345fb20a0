#include "services/access/use_cases/revoke_api_token.h"

#include "services/access/convert.h"
#include "services/access/names.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"

namespace corebalance::access {

absl::StatusOr<TokenRecord> RevokeApiToken::Run(const Caller& caller,
                                                const std::string& api_token_id,
                                                outbox::ChangeEvents& events) {
  const std::string name = ApiTokenName(api_token_id);
  return tx_->Commit(
      caller.deadline, events,
      [&](store::Connection& c) -> absl::StatusOr<TokenRecord> {
        access_->RevokeToken(c, caller.clinic_id, api_token_id, NowMicros());
        CB_ASSIGN_OR_RETURN(TokenRecord token,
                            access_->LoadToken(c, caller.clinic_id, name));
        const v1::ApiToken revoked = ToProto(token, NowMicros());
        events.Add("api_token.revoked", revoked.name(), "", 0, revoked);
        return token;
      });
}

}  // namespace corebalance::access
