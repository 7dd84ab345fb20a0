#include "services/store/dialect.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace corebalance::store {

Dialect DialectOfVersion(absl::string_view version) {
  return absl::StrContains(absl::AsciiStrToLower(version), "mariadb")
             ? Dialect::kMariaDb
             : Dialect::kMySql;
}

std::string StatementTimeLimitSql(Dialect dialect, absl::Duration limit) {
  // 0 means no limit; a finite limit is at least a millisecond.
  const int64_t ms =
      limit == absl::InfiniteDuration()
          ? 0
          : std::max<int64_t>(1, absl::ToInt64Milliseconds(limit));
  switch (dialect) {
    case Dialect::kMariaDb:
      return absl::StrFormat("SET SESSION max_statement_time = %d.%03d",
                             ms / 1000, ms % 1000);
    case Dialect::kMySql:
      break;
  }
  return absl::StrCat("SET SESSION max_execution_time = ", ms);
}

}  // namespace corebalance::store
