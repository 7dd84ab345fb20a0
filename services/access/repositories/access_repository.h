#ifndef COREBALANCE_SERVICES_ACCESS_REPOSITORIES_ACCESS_REPOSITORY_H_
#define COREBALANCE_SERVICES_ACCESS_REPOSITORIES_ACCESS_REPOSITORY_H_

// SQL for clinics, staff and tokens. Every query that reads clinic data is
// filtered by the caller's clinic_id.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/access/records.h"
#include "services/common/page_token.h"
#include "services/store/connection.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"

namespace corebalance::access {

class AccessRepository {
 public:
  explicit AccessRepository(store::Pool* pool) : pool_(pool) {}

  // Writes, on the caller's transaction `c`:

  // access_request_ids (AIP-155).
  const store::RequestIds& request_ids() const;
  // The clinic named `display_name`, created (with its audit chain head) if
  // missing.
  Clinic EnsureClinic(store::Connection& c,
                      const std::string& display_name) const;
  void InsertStaff(store::Connection& c, const StaffRecord& staff) const;
  // The staff member "staffMembers/{id}"; NOT_FOUND when the clinic has
  // none such.
  absl::StatusOr<StaffRecord> LoadStaff(store::Connection& c, int64_t clinic_id,
                                        const std::string& name) const;
  // Marks the member disabled at `now`; false when the clinic has no such
  // member.
  bool DisableStaff(store::Connection& c, int64_t clinic_id,
                    const std::string& id, absl::Time now) const;
  // Revokes, at `now`, every token of the member not revoked yet.
  void RevokeStaffTokens(store::Connection& c, int64_t clinic_id,
                         const std::string& staff_id, absl::Time now) const;
  void InsertToken(store::Connection& c, const TokenRecord& token) const;
  // The token "apiTokens/{id}"; NOT_FOUND when the clinic has none such.
  absl::StatusOr<TokenRecord> LoadToken(store::Connection& c, int64_t clinic_id,
                                        const std::string& name) const;
  // Revokes the token at `now`; a token revoked before keeps its first
  // revoke time.
  void RevokeToken(store::Connection& c, int64_t clinic_id,
                   const std::string& id, absl::Time now) const;

  // Reads, each on a connection of its own:

  absl::StatusOr<std::optional<StaffRecord>> FindStaffByName(
      int64_t clinic_id, const std::string& display_name, absl::Time deadline);
  absl::StatusOr<StaffRecord> GetStaff(int64_t clinic_id, const std::string& id,
                                       absl::Time deadline);
  // Up to `limit` records after `cursor`, ordered by (create_time, id).
  absl::StatusOr<std::vector<StaffRecord>> ListStaff(
      int64_t clinic_id, const std::optional<PageCursor>& cursor, int limit,
      bool show_disabled, absl::Time deadline);
  absl::StatusOr<TokenRecord> GetToken(int64_t clinic_id, const std::string& id,
                                       absl::Time deadline);
  absl::StatusOr<std::vector<TokenRecord>> ListTokens(
      int64_t clinic_id, const std::optional<PageCursor>& cursor, int limit,
      bool show_inactive, absl::Time deadline);

  // The principal of an active token (not revoked, not expired at `now`,
  // staff member not disabled), or nullopt.
  absl::StatusOr<std::optional<TokenPrincipal>> FindActiveToken(
      const std::string& secret_hash, absl::Time now, absl::Time deadline);

 private:
  store::Pool* pool_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_REPOSITORIES_ACCESS_REPOSITORY_H_
