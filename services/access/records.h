#ifndef COREBALANCE_SERVICES_ACCESS_RECORDS_H_
#define COREBALANCE_SERVICES_ACCESS_RECORDS_H_

// AccessService's rows as plain structs, between the SQL and the protos.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "corebalance/v1/access.pb.h"

namespace corebalance::access {

struct Clinic {
  int64_t id = 0;
  std::string display_name;
};

struct StaffRecord {
  std::string id;
  int64_t clinic_id = 0;
  std::string display_name;
  std::optional<std::string> email;
  v1::Role role = v1::ROLE_UNSPECIFIED;
  v1::StaffMember::State state = v1::StaffMember::STATE_ACTIVE;
  absl::Time create_time;
  absl::Time update_time;
};

struct TokenRecord {
  std::string id;
  int64_t clinic_id = 0;
  std::string display_name;
  // Empty for integration tokens.
  std::string staff_member_id;
  v1::Role role = v1::ROLE_UNSPECIFIED;
  std::vector<std::string> scopes;
  std::string secret_hash;
  std::string secret_prefix;
  std::optional<absl::Time> expire_time;
  std::optional<absl::Time> revoke_time;
  absl::Time create_time;
};

// What a valid token resolves to.
struct TokenPrincipal {
  TokenRecord token;
  Clinic clinic;
  // Set for staff tokens.
  std::optional<StaffRecord> staff;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_RECORDS_H_
