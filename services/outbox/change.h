#ifndef COREBALANCE_SERVICES_OUTBOX_CHANGE_H_
#define COREBALANCE_SERVICES_OUTBOX_CHANGE_H_

// A change and its events in one transaction: the repository's SQL, then the
// call's audit event and domain events in the service's outbox, then COMMIT.
// Either all of it commits or none of it does.
//
//   return outbox::WithChange(*pool_, deadline, outbox_, events,
//       [&](Connection& c) -> absl::StatusOr<Patient> { ...; return p; });

#include <string>
#include <utility>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "services/common/status_macros.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/outbox_store.h"
#include "services/store/request_ids.h"
#include "services/store/run.h"

namespace corebalance::outbox {

// Runs fn(Connection&) in a transaction and appends `events` last (domain
// events the caller added, and those fn adds). fn may
// set `events.replay` when it changed nothing (the audit event is written,
// the domain events are not). On success `events.committed` is set.
template <typename Fn>
auto WithChange(store::Pool& pool, absl::Time deadline,
                const OutboxStore& outbox, ChangeEvents& events, Fn&& fn)
    -> store::internal::RunResult<Fn> {
  using R = store::internal::RunResult<Fn>;
  // Events the caller added before; fn's own are added per attempt.
  const size_t given = events.domain.size();
  R result = store::WithTransaction(pool, deadline, [&](store::Connection& c) {
    // Each attempt starts afresh: a rolled-back one's events are gone.
    events.replay = false;
    events.domain.resize(given);
    R r = fn(c);
    if (store::internal::StatusOf(r).ok())
      outbox.Append(c, events, events.replay);
    return r;
  });
  if (store::internal::StatusOf(result).ok()) events.committed = true;
  return result;
}

// An AIP-155 create: runs `create` at most once per request id. A retry with
// the same id and request gets the first result (`load` of the resource
// recorded then); the same id with another parent or another request is
// refused (store::RequestIds::Find).
template <typename T>
absl::StatusOr<T> CreateOnce(
    store::Pool& pool, absl::Time deadline, const OutboxStore& outbox,
    ChangeEvents& events, const store::RequestIds& ids,
    const store::RequestKey& key,
    absl::FunctionRef<absl::StatusOr<T>(store::Connection&)> create,
    absl::FunctionRef<std::string(const T&)> name_of,
    absl::FunctionRef<absl::StatusOr<T>(store::Connection&, const std::string&)>
        load) {
  auto attempt = [&] {
    return WithChange(pool, deadline, outbox, events,
                      [&](store::Connection& c) -> absl::StatusOr<T> {
                        CB_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                                            ids.Find(c, key));
                        if (earlier) {
                          events.replay = true;
                          events.audit.set_resource(*earlier);
                          return load(c, *earlier);
                        }
                        CB_ASSIGN_OR_RETURN(T created, create(c));
                        ids.Record(c, key, name_of(created));
                        return created;
                      });
  };
  absl::StatusOr<T> result = attempt();
  // A concurrent retry recorded the request id first: its resource stands.
  if (absl::IsAlreadyExists(result.status()) && !key.request_id.empty()) {
    result = attempt();
  }
  return result;
}

}  // namespace corebalance::outbox

#endif  // COREBALANCE_SERVICES_OUTBOX_CHANGE_H_
