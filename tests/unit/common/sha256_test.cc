#include "services/common/sha256.h"

#include <set>
#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"

namespace corebalance {
namespace {

struct Vector {
  std::string input;
  std::string hex;
};

class Sha256Vectors : public ::testing::TestWithParam<Vector> {};

TEST_P(Sha256Vectors, MatchesTheStandardDigest) {
  EXPECT_EQ(Sha256Hex(GetParam().input), GetParam().hex);
}

// FIPS 180-2 test vectors.
INSTANTIATE_TEST_SUITE_P(
    Fips, Sha256Vectors,
    ::testing::Values(
        Vector{"",
               "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8"
               "55"},
        Vector{"abc",
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015"
               "ad"},
        Vector{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06"
               "c1"}));

TEST(Sha256Hex, HashesEmbeddedNulBytes) {
  EXPECT_NE(Sha256Hex(std::string("a\0b", 3)), Sha256Hex("a"));
  EXPECT_NE(Sha256Hex(std::string("a\0b", 3)),
            Sha256Hex(std::string("a\0c", 3)));
}

TEST(RandomUrlSafeToken, ThirtyTwoBytesAreFortyThreeUrlSafeCharacters) {
  std::set<std::string> tokens;
  for (int i = 0; i < 200; ++i) {
    const std::string token = RandomUrlSafeToken(32);
    ASSERT_EQ(token.size(), 43u) << token;
    for (char c : token) {
      ASSERT_TRUE((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  (c >= '0' && c <= '9') || c == '-' || c == '_')
          << token;
    }
    std::string raw;
    ASSERT_TRUE(absl::WebSafeBase64Unescape(token, &raw)) << token;
    EXPECT_EQ(raw.size(), 32u);
    tokens.insert(token);
  }
  EXPECT_EQ(tokens.size(), 200u);
}

TEST(RandomUrlSafeToken, LengthFollowsUnpaddedBase64) {
  for (int bytes : {1, 2, 3, 4, 16, 33}) {
    EXPECT_EQ(RandomUrlSafeToken(bytes).size(),
              static_cast<size_t>((bytes * 4 + 2) / 3))
        << bytes;
  }
}

TEST(ConstantTimeEquals, IsPlainEqualityOfBytes) {
  const std::string secret = "cbk_2f9a7c1e0d";
  EXPECT_TRUE(ConstantTimeEquals(secret, std::string(secret)));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_FALSE(ConstantTimeEquals(secret, "xbk_2f9a7c1e0d"));  // first byte
  EXPECT_FALSE(ConstantTimeEquals(secret, "cbk_2f9a7c1e0e"));  // last byte
  EXPECT_FALSE(ConstantTimeEquals(secret, "cbk_2f9a7c1e0"));   // prefix
  EXPECT_FALSE(ConstantTimeEquals("cbk_2f9a7c1e0", secret));
  EXPECT_FALSE(ConstantTimeEquals(secret, secret + "d"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  EXPECT_FALSE(
      ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace corebalance
