#ifndef COREBALANCE_SERVICES_PROGRESS_CATALOGUE_CACHE_H_
#define COREBALANCE_SERVICES_PROGRESS_CATALOGUE_CACHE_H_

// The exercises and plan templates a clinic sees, as PrescriptionService
// lists them, kept for a short while: every progress summary needs them and
// they change rarely (a clinic's edit shows in summaries within the TTL).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/progress/catalogue.h"
#include "services/progress/peer_clients.h"

namespace corebalance::progress {

class CatalogueCache {
 public:
  CatalogueCache(PeerClients* peers, absl::Duration ttl)
      : peers_(peers), ttl_(ttl) {}

  // The clinic's catalogue, read with the caller's `authorization` when
  // not cached or older than the TTL.
  absl::StatusOr<std::shared_ptr<const Catalogue>> Get(
      int64_t clinic_id, const std::string& authorization, absl::Time deadline);

 private:
  struct Entry {
    std::shared_ptr<const Catalogue> catalogue;
    absl::Time fetched;
  };

  PeerClients* const peers_;
  const absl::Duration ttl_;
  absl::Mutex mu_;
  std::map<int64_t, Entry> by_clinic_ ABSL_GUARDED_BY(mu_);
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_CATALOGUE_CACHE_H_
