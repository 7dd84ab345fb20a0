#ifndef COREBALANCE_SERVICES_ACCESS_USE_CASES_BOOTSTRAP_H_
#define COREBALANCE_SERVICES_ACCESS_USE_CASES_BOOTSTRAP_H_

// The bootstrap command's workflow: a clinic and its first admin with a
// token, once. Running it again (or twice at the same time) creates nothing
// new and returns no token. Its audit events name "system:bootstrap" as
// the actor and commit with the admin and the token.

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/access/records.h"
#include "services/access/repositories/access_repository.h"
#include "services/access/use_cases/create_staff_member.h"
#include "services/access/use_cases/issue_api_token.h"
#include "services/store/pool.h"

namespace corebalance::access {

struct BootstrapInput {
  std::string clinic_name;
  std::string admin_name;
  std::string admin_email;  // empty: none
};

struct BootstrapResult {
  Clinic clinic;
  StaffRecord admin;
  // Empty when the admin existed already: a token is shown only once.
  std::string admin_token;
};

class BootstrapClinic {
 public:
  // `pool` commits the clinic, which has no event of its own.
  BootstrapClinic(store::Pool* pool, AccessRepository* access,
                  CreateStaffMember* create_staff, IssueApiToken* issue_token)
      : pool_(pool),
        access_(access),
        create_staff_(create_staff),
        issue_token_(issue_token) {}

  // INVALID_ARGUMENT naming "clinic", "admin_name" or "admin_email".
  absl::StatusOr<BootstrapResult> Run(const BootstrapInput& input,
                                      absl::Time deadline);

 private:
  // The clinic named `name`, created unless it exists.
  absl::StatusOr<Clinic> EnsureClinic(const std::string& name,
                                      absl::Time deadline);

  store::Pool* pool_;
  AccessRepository* access_;
  CreateStaffMember* create_staff_;
  IssueApiToken* issue_token_;
};

// BootstrapClinic on `pool`, with the access service's outbox, repository
// and use cases made for the one run (the bootstrap command, tests).
absl::StatusOr<BootstrapResult> Bootstrap(store::Pool& pool,
                                          const std::string& clinic_name,
                                          const std::string& admin_name,
                                          const std::string& admin_email,
                                          absl::Time deadline);

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_USE_CASES_BOOTSTRAP_H_
