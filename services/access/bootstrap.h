#ifndef COREBALANCE_SERVICES_ACCESS_BOOTSTRAP_H_
#define COREBALANCE_SERVICES_ACCESS_BOOTSTRAP_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/access/access_store.h"
#include "services/access/audit_store.h"

namespace corebalance::access {

struct BootstrapResult {
  Clinic clinic;
  StaffRecord admin;
  // Empty when the admin existed already: a token is shown only once.
  std::string admin_token;
};

// Creates the clinic and its first admin with a token, once. Running it again
// (or twice at the same time) creates nothing new and returns no token.
absl::StatusOr<BootstrapResult> Bootstrap(AccessStore& store,
                                          const std::string& clinic_name,
                                          const std::string& admin_name,
                                          const std::string& admin_email,
                                          absl::Time deadline);

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_BOOTSTRAP_H_
