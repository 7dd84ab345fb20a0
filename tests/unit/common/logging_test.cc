#include "services/common/logging.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::log {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct QuoteCase {
  std::string label;
  std::string value;
  std::string written;
};

class LogfmtValue : public ::testing::TestWithParam<QuoteCase> {};

TEST_P(LogfmtValue, IsQuotedOnlyWhenAmbiguous) {
  EXPECT_EQ(Logfmt({{"k", GetParam().value}}), "k=" + GetParam().written);
}

INSTANTIATE_TEST_SUITE_P(
    Values, LogfmtValue,
    ::testing::Values(
        QuoteCase{"plain", "patients/abc123", "patients/abc123"},
        QuoteCase{"method", "/corebalance.v1.AccessService/GetClinic",
                  "/corebalance.v1.AccessService/GetClinic"},
        QuoteCase{"empty", "", R"("")"},
        QuoteCase{"space", "not found", R"("not found")"},
        QuoteCase{"equals", "a=b", R"("a=b")"},
        QuoteCase{"quote", R"(say "hi")", R"("say \"hi\"")"},
        QuoteCase{"backslash", R"(C:\dir)", R"("C:\\dir")"},
        QuoteCase{"newline", "line1\nline2", R"("line1\nline2")"}),
    [](const auto& info) { return info.param.label; });

TEST(Logfmt, JoinsFieldsInOrderWithSingleSpaces) {
  EXPECT_EQ(Logfmt({{"method", "/a.B/C"}, {"code", "OK"}, {"ms", "12"}}),
            "method=/a.B/C code=OK ms=12");
  EXPECT_EQ(Logfmt({{"a", "x y"}, {"b", ""}}), R"(a="x y" b="")");
  EXPECT_EQ(Logfmt({}), "");
}

TEST(Logfmt, ALineNeverBreaks) {
  const std::string line =
      Logfmt({{"message", "first\nsecond\r\nthird"}, {"next", "v"}});
  EXPECT_THAT(line, Not(HasSubstr("\n")));
  EXPECT_THAT(line, HasSubstr("next=v"));
}

class LogLevel : public ::testing::Test {
 protected:
  void TearDown() override { ASSERT_TRUE(SetLevel("info").ok()); }
};

TEST_F(LogLevel, AcceptsTheFourDocumentedLevels) {
  for (absl::string_view level : {"debug", "info", "warn", "error"}) {
    EXPECT_TRUE(SetLevel(level).ok()) << level;
  }
}

TEST_F(LogLevel, RejectsOtherWordsNamingThem) {
  for (absl::string_view level : {"", "verbose", "INFO", "debug ", "5", "trace",
                                  "warning", "err", "critical", "off"}) {
    const absl::Status status = SetLevel(level);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << level;
    EXPECT_THAT(status.message(), HasSubstr("\"" + std::string(level) + "\""));
  }
}

TEST_F(LogLevel, FiltersLowerLevelsAndWritesLogfmtLines) {
  ASSERT_TRUE(SetLevel("warn").ok());
  ::testing::internal::CaptureStderr();
  Info("info_event_hidden");
  Warn("rpc", {{"method", "/a.B/C"}, {"code", "UNAVAILABLE"}});
  Error("error_event_shown");
  std::string out = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(out, Not(HasSubstr("info_event_hidden")));
  EXPECT_THAT(out, HasSubstr("event=rpc method=/a.B/C code=UNAVAILABLE"));
  EXPECT_THAT(out, HasSubstr("event=error_event_shown"));

  ASSERT_TRUE(SetLevel("debug").ok());
  ::testing::internal::CaptureStderr();
  Debug("debug_event_shown");
  out = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(out, HasSubstr("event=debug_event_shown"));
}

}  // namespace
}  // namespace corebalance::log
