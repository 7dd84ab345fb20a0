#ifndef COREBALANCE_SERVICES_ACCESS_USE_CASES_ISSUE_API_TOKEN_H_
#define COREBALANCE_SERVICES_ACCESS_USE_CASES_ISSUE_API_TOKEN_H_

// IssueApiToken: a new token, for a staff member (it acts with the
// member's role) or for an integration, committed with its
// "api_token.issued" event. Only the secret's hash is stored: the secret is
// shown once.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/access/records.h"
#include "services/access/repositories/access_repository.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/store/request_ids.h"

namespace corebalance::access {

struct IssueApiTokenInput {
  std::string display_name;
  // Empty: an integration token.
  std::string staff_member_id;
  std::vector<std::string> scopes;
  std::optional<absl::Time> expire_time;
  store::RequestKey request_key;
};

struct IssuedApiToken {
  TokenRecord token;
  // Empty for a retry, which gets the first call's token: a secret is
  // shown only once.
  std::string secret;
};

class IssueApiToken {
 public:
  IssueApiToken(outbox::Transactions* tx, AccessRepository* access)
      : tx_(tx), access_(access) {}

  // INVALID_ARGUMENT when the clinic has no such staff member,
  // FAILED_PRECONDITION when the member is disabled.
  absl::StatusOr<IssuedApiToken> Run(const Caller& caller,
                                     const IssueApiTokenInput& input,
                                     outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  AccessRepository* access_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_USE_CASES_ISSUE_API_TOKEN_H_
