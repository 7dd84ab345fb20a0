#ifndef COREBALANCE_SERVICES_OUTBOX_TRANSACTIONS_H_
#define COREBALANCE_SERVICES_OUTBOX_TRANSACTIONS_H_

// How a use case owns its transaction. The use case runs its repositories'
// writes on the transaction's connection; the call's audit event and domain
// events go into the service's outbox last; then COMMIT. All of it commits
// or none of it does (change.h).
//
//   return tx_->Commit(caller.deadline, events,
//       [&](store::Connection& c) -> absl::StatusOr<PlanRecord> {
//         CB_RETURN_IF_ERROR(plans_->WriteChange(c, change));
//         events.Add("plan.adjusted", ...);
//         return change.plan;
//       });
//
// Reads that change nothing do not come here: a repository's read methods
// take a connection from the pool themselves.

#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/outbox/change.h"
#include "services/outbox/outbox.h"
#include "services/outbox/outbox_event.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"
#include "services/store/run.h"

namespace corebalance::outbox {

class Transactions {
 public:
  Transactions(store::Pool* pool, Outbox* outbox)
      : pool_(pool), outbox_(outbox) {}

  // fn(store::Connection&) and `events` in one transaction (WithChange).
  template <typename Fn>
  auto Commit(absl::Time deadline, ChangeEvents& events, Fn&& fn) {
    return WithChange(*pool_, deadline, outbox_->store(), events,
                      std::forward<Fn>(fn));
  }

  // A change no call made (a server job's): fn(c, domain) in a transaction
  // with the domain events fn adds to `domain`, all of `clinic_id`, and no
  // audit event.
  template <typename Fn>
  auto CommitUnaudited(absl::Time deadline, int64_t clinic_id, Fn&& fn) {
    return store::WithTransaction(*pool_, deadline, [&](store::Connection& c) {
      std::vector<v1::DomainEvent> domain;
      auto result = fn(c, domain);
      if (store::internal::StatusOf(result).ok()) {
        outbox_->store().AppendDomain(c, clinic_id, domain);
      }
      return result;
    });
  }

  // An AIP-155 create: `create` at most once per request key; a retry gets
  // `load` of what the first call created (CreateOnce).
  template <typename T>
  absl::StatusOr<T> CreateOnce(
      absl::Time deadline, ChangeEvents& events, const store::RequestIds& ids,
      const store::RequestKey& key,
      absl::FunctionRef<absl::StatusOr<T>(store::Connection&)> create,
      absl::FunctionRef<std::string(const T&)> name_of,
      absl::FunctionRef<absl::StatusOr<T>(store::Connection&,
                                          const std::string&)>
          load) {
    return outbox::CreateOnce<T>(*pool_, deadline, outbox_->store(), events,
                                 ids, key, create, name_of, load);
  }

 private:
  store::Pool* pool_;
  Outbox* outbox_;
};

}  // namespace corebalance::outbox

#endif  // COREBALANCE_SERVICES_OUTBOX_TRANSACTIONS_H_
