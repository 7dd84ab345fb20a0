#ifndef COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_ADHERENCE_DUE_REPOSITORY_H_
#define COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_ADHERENCE_DUE_REPOSITORY_H_

// All SQL of progress_adherence_due: per ACTIVE plan, when the adherence
// scan must next look at it. Writers only ever move a plan's time sooner;
// the scan claims due plans under a lease and then sets their next time.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/store/connection.h"
#include "services/store/pool.h"

namespace corebalance::progress {

struct DuePlan {
  int64_t clinic_id = 0;
  std::string patient_id;
  std::string plan_id;
};

// What a scan found for a plan it claimed: when to look again, or nullopt
// to stop following it (it is not ACTIVE).
struct NextCheck {
  DuePlan plan;
  std::optional<absl::Time> at;
};

class AdherenceDueRepository {
 public:
  explicit AdherenceDueRepository(store::Pool* pool) : pool_(pool) {}

  // Writes, on the caller's transaction `c`:

  // The plan is followed and looked at by `at` at the latest (it became
  // ACTIVE, or its copy changed).
  void FollowBy(store::Connection& c, const DuePlan& plan, absl::Time at) const;
  // The plan, if followed, is looked at by `at` at the latest (a session
  // was logged, or the plan left ACTIVE and the scan is to let it go).
  void SoonerIfFollowed(store::Connection& c, const DuePlan& plan,
                        absl::Time at) const;

  // Each in a transaction of its own:

  // Up to `limit` plans due at `now`, earliest first, none that another
  // scan holds. Each is held until `lease_until`: due again then, should
  // the scan that claimed it stop before Reschedule.
  absl::StatusOr<std::vector<DuePlan>> Claim(absl::Time now,
                                             absl::Time lease_until, int limit,
                                             absl::Time deadline);
  // The plans claimed with `lease_until`, at their next times. A sooner time
  // written since the claim (a session logged meanwhile) is kept.
  absl::Status Reschedule(const std::vector<NextCheck>& next,
                          absl::Time lease_until, absl::Time deadline);

 private:
  store::Pool* pool_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_ADHERENCE_DUE_REPOSITORY_H_
