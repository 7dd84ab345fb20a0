#include "services/common/page_token.h"

#include <climits>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/unit/common/status_details.h"

namespace corebalance {
namespace {

using ::corebalance::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kFilters[] = "clinic=7;state=ACTIVE";

class PageTokenRoundTrip : public ::testing::TestWithParam<PageCursor> {};

TEST_P(PageTokenRoundTrip, DecodesToTheSameCursor) {
  const std::string token = EncodePageToken(GetParam(), kFilters);
  EXPECT_FALSE(token.empty());
  const auto decoded = DecodePageToken(token, kFilters);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  ASSERT_TRUE(decoded->has_value());
  EXPECT_EQ((*decoded)->last_key, GetParam().last_key);
  EXPECT_EQ((*decoded)->last_id, GetParam().last_id);
}

INSTANTIATE_TEST_SUITE_P(
    Cursors, PageTokenRoundTrip,
    ::testing::Values(PageCursor{1700000000123456, "k3j9x0a1b2c3d4e5"},
                      PageCursor{0, ""}, PageCursor{-1, "a"},
                      PageCursor{std::numeric_limits<int64_t>::max(),
                                 "zzzzzzzzzzzzzzzz"},
                      PageCursor{std::numeric_limits<int64_t>::min(), "0"},
                      // The separator inside the id must not break decoding.
                      PageCursor{42, "a|b|c"}));

TEST(PageToken, IsOpaqueUrlSafeText) {
  const std::string token =
      EncodePageToken({1700000000123456, "k3j9x0a1b2c3d4e5"}, kFilters);
  for (char c : token) {
    EXPECT_TRUE(absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                c == '-' || c == '_')
        << "character '" << c << "' in " << token;
  }
  EXPECT_THAT(token, ::testing::Not(HasSubstr("k3j9x0a1b2c3d4e5")));
}

TEST(PageToken, EmptyTokenIsTheFirstPage) {
  const auto decoded = DecodePageToken("", kFilters);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_FALSE(decoded->has_value());
}

// Re-encodes a real token after changing its decoded text, as a client
// tampering with it would.
std::string Tampered(const std::string& token,
                     void (*edit)(std::vector<std::string>&)) {
  std::string text;
  EXPECT_TRUE(absl::WebSafeBase64Unescape(token, &text));
  std::vector<std::string> parts = absl::StrSplit(text, '|');
  edit(parts);
  return absl::WebSafeBase64Escape(absl::StrJoin(parts, "|"));
}

void ExpectRefused(absl::string_view token) {
  const auto decoded = DecodePageToken(token, kFilters);
  ASSERT_FALSE(decoded.ok()) << "accepted \"" << token << "\"";
  EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ViolatedFields(decoded.status()), ElementsAre("page_token"));
}

TEST(PageToken, GarbageIsRefusedAsInvalidPageToken) {
  for (absl::string_view garbage :
       {"not a token!", "%%%%", "====", "a", "abc$def",
        // Valid base64 of text that is no token.
        "aGVsbG8gd29ybGQ"}) {
    SCOPED_TRACE(garbage);
    ExpectRefused(garbage);
  }
}

TEST(PageToken, TamperedTokensAreRefused) {
  const std::string token =
      EncodePageToken({1700000000123456, "k3j9x0a1b2c3d4e5"}, kFilters);
  ASSERT_TRUE(DecodePageToken(token, kFilters).ok());
  ExpectRefused(
      Tampered(token, [](std::vector<std::string>& p) { p[0] = "v2"; }));
  ExpectRefused(
      Tampered(token, [](std::vector<std::string>& p) { p[2] = "12x"; }));
  ExpectRefused(
      Tampered(token, [](std::vector<std::string>& p) { p[2] = ""; }));
  ExpectRefused(Tampered(token, [](std::vector<std::string>& p) {
    p[2] = "99999999999999999999";  // beyond int64
  }));
  ExpectRefused(
      Tampered(token, [](std::vector<std::string>& p) { p.pop_back(); }));
  ExpectRefused(
      Tampered(token, [](std::vector<std::string>& p) { p[1] = "000000"; }));
  ExpectRefused(token.substr(0, 6));
}

TEST(PageToken, TokenFromOtherFiltersIsRefused) {
  const std::string token = EncodePageToken({5, "abc"}, "state=ACTIVE");
  const auto decoded = DecodePageToken(token, "state=ARCHIVED");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ViolatedFields(decoded.status()), ElementsAre("page_token"));
  EXPECT_THAT(decoded.status().message(), HasSubstr("filters"));
  // The same filters still work.
  EXPECT_TRUE(DecodePageToken(token, "state=ACTIVE").ok());
}

struct PageSizeCase {
  int requested;
  int effective;
};

class EffectivePageSizeTest : public ::testing::TestWithParam<PageSizeCase> {};

TEST_P(EffectivePageSizeTest, DefaultsAndCaps) {
  const auto size = EffectivePageSize(GetParam().requested);
  ASSERT_TRUE(size.ok()) << size.status();
  EXPECT_EQ(*size, GetParam().effective);
}

INSTANTIATE_TEST_SUITE_P(
    Sizes, EffectivePageSizeTest,
    ::testing::Values(PageSizeCase{0, 50}, PageSizeCase{1, 1},
                      PageSizeCase{50, 50}, PageSizeCase{999, 999},
                      PageSizeCase{1000, 1000}, PageSizeCase{1001, 1000},
                      PageSizeCase{INT_MAX, 1000}));

TEST(EffectivePageSize, NegativeIsInvalidPageSize) {
  for (int requested : {-1, -50, INT_MIN}) {
    const auto size = EffectivePageSize(requested);
    ASSERT_FALSE(size.ok()) << requested;
    EXPECT_EQ(size.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(ViolatedFields(size.status()), ElementsAre("page_size"));
  }
}

}  // namespace
}  // namespace corebalance
