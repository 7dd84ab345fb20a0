#ifndef COREBALANCE_SERVICES_STORE_REQUEST_IDS_H_
#define COREBALANCE_SERVICES_STORE_REQUEST_IDS_H_

// AIP-155 idempotency keys, kept per service in its own <service>_request_ids
// table (clinic_id, method, request_id) -> resource_name. Read and written in
// the same transaction as the create they guard, so a retry returns the first
// result and a concurrent retry loses on the primary key.

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "services/store/bind.h"

namespace corebalance::store {

class RequestIds {
 public:
  // `table` is a constant of the owning service, never caller input.
  explicit RequestIds(std::string table)
      : find_sql_(absl::StrCat("SELECT resource_name FROM ", table,
                               " WHERE clinic_id = ? AND method = ? AND"
                               " request_id = ?")),
        record_sql_(absl::StrCat("INSERT INTO ", table,
                                 " (clinic_id, method, request_id,"
                                 " resource_name, create_time)"
                                 " VALUES (?, ?, ?, ?, ?)")) {}

  // The resource an earlier call with this request id created, if any.
  std::optional<std::string> Find(Connection& c, int64_t clinic_id,
                                  const char* method,
                                  const std::string& request_id) const {
    if (request_id.empty()) return std::nullopt;
    auto rs = Query(c, find_sql_, clinic_id, method, request_id);
    if (!rs->next()) return std::nullopt;
    return GetString(*rs, "resource_name");
  }

  // Nothing to record without a request id.
  void Record(Connection& c, int64_t clinic_id, const char* method,
              const std::string& request_id,
              const std::string& resource) const {
    if (request_id.empty()) return;
    Update(c, record_sql_, clinic_id, method, request_id, resource,
           NowMicros());
  }

 private:
  const std::string find_sql_;
  const std::string record_sql_;
};

}  // namespace corebalance::store

#endif  // COREBALANCE_SERVICES_STORE_REQUEST_IDS_H_
