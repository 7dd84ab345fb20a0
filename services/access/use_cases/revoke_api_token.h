#ifndef COREBALANCE_SERVICES_ACCESS_USE_CASES_REVOKE_API_TOKEN_H_
#define COREBALANCE_SERVICES_ACCESS_USE_CASES_REVOKE_API_TOKEN_H_

// RevokeApiToken: the token stops working, committed with an
// "api_token.revoked" event. Revoking twice keeps the first revoke time.

#include <string>

#include "absl/status/statusor.h"
#include "services/access/records.h"
#include "services/access/repositories/access_repository.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"

namespace corebalance::access {

class RevokeApiToken {
 public:
  RevokeApiToken(outbox::Transactions* tx, AccessRepository* access)
      : tx_(tx), access_(access) {}

  // The token, revoked. NOT_FOUND when the clinic has no such token.
  absl::StatusOr<TokenRecord> Run(const Caller& caller,
                                  const std::string& api_token_id,
                                  outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  AccessRepository* access_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_USE_CASES_REVOKE_API_TOKEN_H_
