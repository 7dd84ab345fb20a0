#ifndef COREBALANCE_SERVICES_COMMON_SQL_TIME_H_
#define COREBALANCE_SERVICES_COMMON_SQL_TIME_H_

// Timestamps are stored as DATETIME(6) in UTC (every connection sets
// time_zone '+00:00'); these convert the SQL text form.

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace corebalance {

// "2026-11-23 20:01:08.123456"; microsecond precision.
std::string ToSqlTime(absl::Time t);
// Accepts "YYYY-MM-DD HH:MM:SS[.ffffff]"; InfinitePast when malformed.
absl::Time FromSqlTime(absl::string_view text);

// absl::Now() truncated to microseconds, what a DATETIME(6) keeps, so values
// computed before a write compare equal to the ones read back.
absl::Time NowMicros();
int64_t ToMicros(absl::Time t);

google::protobuf::Timestamp ToProtoTime(absl::Time t);
absl::Time FromProtoTime(const google::protobuf::Timestamp& ts);

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_SQL_TIME_H_
