#include "services/common/sql_time.h"

#include <cstdint>
#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace corebalance {
namespace {

absl::Time Utc(int y, int mo, int d, int h, int mi, int s, int64_t micros) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s),
                         absl::UTCTimeZone()) +
         absl::Microseconds(micros);
}

TEST(ToSqlTime, WritesUtcWithSixFractionDigits) {
  EXPECT_EQ(ToSqlTime(Utc(2026, 11, 23, 20, 1, 8, 123456)),
            "2026-11-23 20:01:08.123456");
  EXPECT_EQ(ToSqlTime(Utc(2026, 1, 2, 3, 4, 5, 0)),
            "2026-01-02 03:04:05.000000");
  EXPECT_EQ(ToSqlTime(Utc(1999, 12, 31, 23, 59, 59, 999999)),
            "1999-12-31 23:59:59.999999");
}

class SqlTimeRoundTrip : public ::testing::TestWithParam<absl::Time> {};

TEST_P(SqlTimeRoundTrip, KeepsEveryMicrosecond) {
  const absl::Time t = GetParam();
  EXPECT_EQ(FromSqlTime(ToSqlTime(t)), t) << ToSqlTime(t);
  EXPECT_EQ(ToMicros(FromSqlTime(ToSqlTime(t))), ToMicros(t));
}

INSTANTIATE_TEST_SUITE_P(
    Times, SqlTimeRoundTrip,
    ::testing::Values(Utc(2026, 11, 23, 20, 1, 8, 123456),
                      Utc(2026, 11, 23, 20, 1, 8, 1),
                      Utc(2026, 11, 23, 20, 1, 8, 999999),
                      Utc(2024, 2, 29, 0, 0, 0, 0),  // leap day
                      absl::UnixEpoch(), absl::FromUnixMicros(-1),
                      Utc(1960, 6, 15, 12, 30, 0, 500000),
                      Utc(9999, 12, 31, 23, 59, 59, 999999)));

TEST(FromSqlTime, AcceptsShorterFractionsAndNone) {
  const absl::Time base = Utc(2026, 11, 23, 20, 1, 8, 0);
  EXPECT_EQ(FromSqlTime("2026-11-23 20:01:08"), base);
  EXPECT_EQ(FromSqlTime("2026-11-23 20:01:08.5"),
            base + absl::Milliseconds(500));
  EXPECT_EQ(FromSqlTime("2026-11-23 20:01:08.123"),
            base + absl::Milliseconds(123));
}

TEST(FromSqlTime, MalformedTextIsInfinitePast) {
  for (absl::string_view text :
       {"", "garbage", "2026-11-23", "20:01:08", "2026-11-23T20:01:08",
        "2026-11-23 20:01:08Z", "2026-11-23 20:01:08 extra",
        "2026-13-01 00:00:00", "2026-11-23 25:00:00", "2026/11/23 20:01:08"}) {
    EXPECT_EQ(FromSqlTime(text), absl::InfinitePast()) << "\"" << text << "\"";
  }
}

TEST(NowMicros, HasNothingBelowAMicrosecondAndIsNow) {
  const absl::Time before = absl::Now();
  const absl::Time now = NowMicros();
  EXPECT_EQ(now, absl::FromUnixMicros(ToMicros(now)));
  EXPECT_EQ(FromSqlTime(ToSqlTime(now)), now);
  EXPECT_GE(now, before - absl::Microseconds(1));
  EXPECT_LE(now, absl::Now());
}

struct ProtoCase {
  int64_t micros;
  int64_t seconds;
  int32_t nanos;
};

class ProtoTime : public ::testing::TestWithParam<ProtoCase> {};

TEST_P(ProtoTime, ConvertsBothWaysWithNanosInRange) {
  const absl::Time t = absl::FromUnixMicros(GetParam().micros);
  const google::protobuf::Timestamp ts = ToProtoTime(t);
  EXPECT_EQ(ts.seconds(), GetParam().seconds);
  EXPECT_EQ(ts.nanos(), GetParam().nanos);
  EXPECT_GE(ts.nanos(), 0);
  EXPECT_LT(ts.nanos(), 1000000000);
  EXPECT_EQ(FromProtoTime(ts), t);
}

// Negative times: the protobuf form always has 0 <= nanos < 1e9, with
// seconds rounded down.
INSTANTIATE_TEST_SUITE_P(
    Times, ProtoTime,
    ::testing::Values(ProtoCase{0, 0, 0}, ProtoCase{1, 0, 1000},
                      ProtoCase{1500000, 1, 500000000},
                      ProtoCase{1795982468123456, 1795982468, 123456000},
                      ProtoCase{-1, -1, 999999000}, ProtoCase{-1000000, -1, 0},
                      ProtoCase{-1500000, -2, 500000000},
                      ProtoCase{-315619200000000, -315619200, 0}));

TEST(FromProtoTime, ReadsNanosecondsBeyondMicros) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(10);
  ts.set_nanos(1);
  EXPECT_EQ(FromProtoTime(ts),
            absl::FromUnixSeconds(10) + absl::Nanoseconds(1));
}

}  // namespace
}  // namespace corebalance
