#include "services/progress/catalogue_cache.h"

#include "absl/time/clock.h"
#include "services/common/status_macros.h"

namespace corebalance::progress {

absl::StatusOr<std::shared_ptr<const Catalogue>> CatalogueCache::Get(
    int64_t clinic_id, const std::string& authorization, absl::Time deadline) {
  const absl::Time now = absl::Now();
  {
    absl::MutexLock lock(&mu_);
    auto it = by_clinic_.find(clinic_id);
    if (it != by_clinic_.end() && now - it->second.fetched < ttl_) {
      return it->second.catalogue;
    }
  }
  // Several callers may refresh at once; each gets a complete catalogue.
  auto fresh = std::make_shared<Catalogue>();
  CB_ASSIGN_OR_RETURN(fresh->exercises,
                      peers_->Exercises(authorization, deadline));
  CB_ASSIGN_OR_RETURN(fresh->templates,
                      peers_->PlanTemplates(authorization, deadline));
  absl::MutexLock lock(&mu_);
  by_clinic_[clinic_id] = {fresh, now};
  return std::shared_ptr<const Catalogue>(fresh);
}

}  // namespace corebalance::progress
