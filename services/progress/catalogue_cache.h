#ifndef COREBALANCE_SERVICES_PROGRESS_CATALOGUE_CACHE_H_
#define COREBALANCE_SERVICES_PROGRESS_CATALOGUE_CACHE_H_

// The exercises and plan templates a clinic sees, from progress's copy of
// prescription (PrescriptionService's listing until the copy has them),
// kept for a short while: every progress summary needs them and they change
// rarely (a clinic's edit shows in summaries within the TTL).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/common/caller.h"
#include "services/peers/prescription_client.h"
#include "services/progress/catalogue.h"
#include "services/progress/repositories/copy_repository.h"

namespace corebalance::progress {

class CatalogueCache {
 public:
  CatalogueCache(CopyRepository* copy, peers::PrescriptionClient* prescription,
                 absl::Duration ttl)
      : copy_(copy), prescription_(prescription), ttl_(ttl) {}

  // The caller's clinic's catalogue, read again when not cached or older
  // than the TTL.
  absl::StatusOr<std::shared_ptr<const Catalogue>> Get(const Caller& caller);

 private:
  struct Entry {
    std::shared_ptr<const Catalogue> catalogue;
    absl::Time fetched;
  };

  CopyRepository* const copy_;
  peers::PrescriptionClient* const prescription_;
  const absl::Duration ttl_;
  absl::Mutex mu_;
  std::map<int64_t, Entry> by_clinic_ ABSL_GUARDED_BY(mu_);
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_CATALOGUE_CACHE_H_
