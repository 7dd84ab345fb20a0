#ifndef COREBALANCE_SERVICES_ACCESS_ACCESS_STORE_H_
#define COREBALANCE_SERVICES_ACCESS_ACCESS_STORE_H_

// SQL for clinics, staff and tokens. Every query that reads clinic data is
// filtered by the caller's clinic_id.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/access/records.h"
#include "services/common/page_token.h"
#include "services/outbox/outbox.h"
#include "services/outbox/outbox_event.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"

namespace corebalance::access {

class AccessStore {
 public:
  // `outbox` may be null for the commands (bootstrap), which change nothing
  // through the calls below that take events.
  AccessStore(store::Pool* pool, outbox::Outbox* outbox)
      : pool_(pool), outbox_(outbox) {}

  // The clinic named `display_name`, created (with its audit chain head) if
  // missing. `created` tells which.
  absl::StatusOr<Clinic> EnsureClinic(const std::string& display_name,
                                      bool* created, absl::Time deadline);
  absl::StatusOr<std::optional<StaffRecord>> FindStaffByName(
      int64_t clinic_id, const std::string& display_name, absl::Time deadline);

  // Inserts `staff`; with a request id, a retry returns the first record.
  // Changes commit with `events` ("staff_member.created", ...).
  absl::StatusOr<StaffRecord> CreateStaff(const StaffRecord& staff,
                                          const store::RequestKey& key,
                                          outbox::ChangeEvents& events,
                                          absl::Time deadline);
  absl::StatusOr<StaffRecord> GetStaff(int64_t clinic_id, const std::string& id,
                                       absl::Time deadline);
  // Up to `limit` records after `cursor`, ordered by (create_time, id).
  absl::StatusOr<std::vector<StaffRecord>> ListStaff(
      int64_t clinic_id, const std::optional<PageCursor>& cursor, int limit,
      bool show_disabled, absl::Time deadline);
  // Disables the member and revokes their tokens, in one transaction.
  absl::StatusOr<StaffRecord> DisableStaff(int64_t clinic_id,
                                           const std::string& id,
                                           outbox::ChangeEvents& events,
                                           absl::Time deadline);

  // Inserts `token`; with a request id, a retry returns the first record and
  // `*replayed` = true (the secret is then not available again).
  absl::StatusOr<TokenRecord> InsertToken(const TokenRecord& token,
                                          const store::RequestKey& key,
                                          outbox::ChangeEvents& events,
                                          bool* replayed, absl::Time deadline);
  absl::StatusOr<TokenRecord> GetToken(int64_t clinic_id, const std::string& id,
                                       absl::Time deadline);
  absl::StatusOr<std::vector<TokenRecord>> ListTokens(
      int64_t clinic_id, const std::optional<PageCursor>& cursor, int limit,
      bool show_inactive, absl::Time deadline);
  absl::StatusOr<TokenRecord> RevokeToken(int64_t clinic_id,
                                          const std::string& id,
                                          outbox::ChangeEvents& events,
                                          absl::Time deadline);

  // The principal of an active token (not revoked, not expired at `now`,
  // staff member not disabled), or nullopt.
  absl::StatusOr<std::optional<TokenPrincipal>> FindActiveToken(
      const std::string& secret_hash, absl::Time now, absl::Time deadline);

 private:
  store::Pool* pool_;
  outbox::Outbox* outbox_;
};

}  // namespace corebalance::access

#endif  // COREBALANCE_SERVICES_ACCESS_ACCESS_STORE_H_
