#include "services/intake/repositories/sql_support.h"

#include "services/common/sql_time.h"
#include "services/store/bind.h"
#include "services/store/request_ids.h"

namespace corebalance::intake {
const store::RequestIds& RequestIds() {
  static const store::RequestIds ids("intake_request_ids");
  return ids;
}

std::string DateText(absl::CivilDay day) { return absl::FormatCivilTime(day); }

std::optional<std::string> DateText(const std::optional<absl::CivilDay>& day) {
  if (!day) return std::nullopt;
  return DateText(*day);
}

std::optional<absl::CivilDay> GetOptionalDate(const sql::ResultSet& rs,
                                              const char* column) {
  std::optional<std::string> text = store::GetOptionalString(rs, column);
  absl::CivilDay day;
  if (!text || !absl::ParseCivilTime(*text, &day)) return std::nullopt;
  return day;
}

absl::CivilDay GetDate(const sql::ResultSet& rs, const char* column) {
  return GetOptionalDate(rs, column).value_or(absl::CivilDay());
}

}  // namespace corebalance::intake
