#include "services/progress/catalogue_cache.h"

#include "absl/time/clock.h"
#include "services/common/status_macros.h"

namespace corebalance::progress {

absl::StatusOr<std::shared_ptr<const Catalogue>> CatalogueCache::Get(
    const Caller& caller) {
  const int64_t clinic_id = caller.clinic_id;
  const absl::Time now = absl::Now();
  {
    absl::MutexLock lock(&mu_);
    auto it = by_clinic_.find(clinic_id);
    if (it != by_clinic_.end() && now - it->second.fetched < ttl_) {
      return it->second.catalogue;
    }
  }
  // Several callers may refresh at once; each gets a complete catalogue.
  CB_ASSIGN_OR_RETURN(Catalogue copied,
                      copy_->CatalogueOf(clinic_id, caller.deadline));
  auto fresh = std::make_shared<Catalogue>(std::move(copied));
  if (fresh->exercises.empty()) {
    // Not copied yet: prescription lists it.
    CB_ASSIGN_OR_RETURN(fresh->exercises, prescription_->Exercises(caller));
    CB_ASSIGN_OR_RETURN(fresh->templates, prescription_->PlanTemplates(caller));
  }
  absl::MutexLock lock(&mu_);
  by_clinic_[clinic_id] = {fresh, now};
  return std::shared_ptr<const Catalogue>(fresh);
}

}  // namespace corebalance::progress
