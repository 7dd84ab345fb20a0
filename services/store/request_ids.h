#ifndef COREBALANCE_SERVICES_STORE_REQUEST_IDS_H_
#define COREBALANCE_SERVICES_STORE_REQUEST_IDS_H_

// AIP-155 idempotency keys, kept per service in its own <service>_request_ids
// table: (clinic, method, request_id) -> the resource created, with the
// parent it was created under and a fingerprint of the request. Read and
// written in the same transaction as the create they guard
// (outbox::CreateOnce), so a retry returns the first result and a concurrent
// retry loses on the primary key.

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/store/bind.h"

namespace corebalance::store {

// What a request id is scoped to. The fingerprint covers the whole request
// but its request_id (RpcCall::IdempotencyKey).
struct RequestKey {
  int64_t clinic_id = 0;
  std::string method;
  std::string request_id;
  std::string parent;
  std::string fingerprint;
};

class RequestIds {
 public:
  // `table` is a constant of the owning service, never caller input.
  explicit RequestIds(std::string table)
      : find_sql_(absl::StrCat("SELECT resource_name, parent, request_hash"
                               " FROM ",
                               table,
                               " WHERE clinic_id = ? AND method = ? AND"
                               " request_id = ?")),
        record_sql_(absl::StrCat("INSERT INTO ", table,
                                 " (clinic_id, method, request_id,"
                                 " resource_name, parent, request_hash,"
                                 " create_time)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)")) {}

  // The resource an earlier call with this request id created, if any.
  // INVALID_ARGUMENT on `request_id` when the id was used under another
  // parent or for a different request: never another resource.
  absl::StatusOr<std::optional<std::string>> Find(Connection& c,
                                                  const RequestKey& key) const {
    if (key.request_id.empty()) return std::nullopt;
    auto rs = Query(c, find_sql_, key.clinic_id, key.method, key.request_id);
    if (!rs->next()) return std::nullopt;
    std::string resource = GetString(*rs, "resource_name");
    const std::string parent = GetString(*rs, "parent");
    const std::string hash = GetString(*rs, "request_hash");
    // Rows from before parents were recorded: the resource's own name
    // says where it lives.
    const bool same_parent =
        parent.empty()
            ? key.parent.empty() || absl::StartsWith(resource, key.parent + "/")
            : parent == key.parent;
    if (!same_parent) {
      return InvalidArgumentError(
          "request_id",
          "was already used for a request about another resource; use a new "
          "request id for each request");
    }
    if (!hash.empty() && hash != key.fingerprint) {
      return InvalidArgumentError(
          "request_id",
          "was already used for a different request; a retry must repeat the "
          "request unchanged, a new request needs a new request id");
    }
    return resource;
  }

  // Nothing to record without a request id.
  void Record(Connection& c, const RequestKey& key,
              const std::string& resource) const {
    if (key.request_id.empty()) return;
    Update(c, record_sql_, key.clinic_id, key.method, key.request_id, resource,
           key.parent, key.fingerprint, NowMicros());
  }

 private:
  const std::string find_sql_;
  const std::string record_sql_;
};

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_REQUEST_IDS_H_
