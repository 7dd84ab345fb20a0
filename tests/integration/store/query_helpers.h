#ifndef COREBALANCE_TESTS_INTEGRATION_STORE_QUERY_HELPERS_H_
#define COREBALANCE_TESTS_INTEGRATION_STORE_QUERY_HELPERS_H_

#include <cppconn/resultset.h>

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "services/store/pool.h"
#include "services/store/run.h"

namespace corebalance::store_test {

// The first column of the first row of `sql`, as a number.
inline absl::StatusOr<int64_t> QueryInt(store::Pool& pool,
                                        const std::string& sql) {
  return store::WithConnection(
      pool, absl::Now() + absl::Seconds(10),
      [&](store::Connection& c) -> absl::StatusOr<int64_t> {
        auto rows = c.Query(sql);
        if (!rows->next()) return absl::NotFoundError("no row: " + sql);
        return static_cast<int64_t>(rows->getInt64(1));
      });
}

inline absl::Status Exec(store::Pool& pool, const std::string& sql) {
  return store::WithConnection(pool, absl::Now() + absl::Seconds(10),
                               [&](store::Connection& c) {
                                 c.Execute(sql);
                                 return absl::OkStatus();
                               });
}

}  // namespace corebalance::store_test

#endif  // COREBALANCE_TESTS_INTEGRATION_STORE_QUERY_HELPERS_H_
