#include "services/store/mysql_config.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::store {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ParseMysqlUrl, ReadsEveryPart) {
  auto config =
      ParseMysqlUrl("mysql://clinic:s3cret@db.internal:3307/corebalance");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->user, "clinic");
  EXPECT_EQ(config->password, "s3cret");
  EXPECT_EQ(config->host, "db.internal");
  EXPECT_EQ(config->port, 3307);
  EXPECT_EQ(config->database, "corebalance");
}

TEST(ParseMysqlUrl, DefaultsPortAndAllowsEmptyDatabase) {
  auto with_slash = ParseMysqlUrl("mysql://root@127.0.0.1/");
  ASSERT_TRUE(with_slash.ok()) << with_slash.status();
  EXPECT_EQ(with_slash->port, 3306);
  EXPECT_EQ(with_slash->database, "");
  EXPECT_EQ(with_slash->password, "");

  auto without_slash = ParseMysqlUrl("mysql://root@127.0.0.1:4000");
  ASSERT_TRUE(without_slash.ok()) << without_slash.status();
  EXPECT_EQ(without_slash->port, 4000);
  EXPECT_EQ(without_slash->database, "");
}

TEST(ParseMysqlUrl, DecodesPercentEncodedCredentials) {
  auto config = ParseMysqlUrl("mysql://app%2Buser:p%40ss%3Aw0rd@host/db");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->user, "app+user");
  EXPECT_EQ(config->password, "p@ss:w0rd");
}

TEST(ParseMysqlUrl, ReadsBracketedIpv6Host) {
  auto config = ParseMysqlUrl("mysql://root@[::1]:3310/db");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->host, "::1");
  EXPECT_EQ(config->port, 3310);
}

TEST(ParseMysqlUrl, RejectsMalformedUrls) {
  for (const char* url : {
           "postgres://root@host/db",     // wrong scheme
           "mysql://host:3306/db",        // no user
           "mysql://@host/db",            // empty user
           "mysql://root@/db",            // empty host
           "mysql://root@host:0/db",      // port out of range
           "mysql://root@host:70000/db",  // port out of range
           "mysql://root@host:abc/db",    // port not a number
           "mysql://root@host:/db",       // empty port
           "mysql://root@host/db?ssl=1",  // unknown parameter
           "mysql://root@host/db#x",      // fragment
           "mysql://root@host/db?ssl-mode=maybe",
           "mysql://root@host/db?ssl-mode=VERIFY_CA",  // no ssl-ca
           "mysql://root@host/db?ssl-mode=REQUIRED&ssl-cert=/c.pem",
           "mysql://root@host/db?ssl-mode=DISABLED&ssl-ca=/ca.pem",
           "mysql://root@host/db?ssl-ca=",  // empty value
           "mysql://root@host/my`db",       // unsafe database name
           "mysql://root:%zz@host/db",      // bad escape
       }) {
    auto config = ParseMysqlUrl(url);
    EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument)
        << url;
  }
}

TEST(ParseMysqlUrl, ReadsTlsParametersAndFormatsThemBack) {
  auto config = ParseMysqlUrl(
      "mysql://cb:pw@db.internal:3306/corebalance?ssl-mode=verify_ca&"
      "ssl-ca=/etc/db%20ca/ca.pem&ssl-cert=/c.pem&ssl-key=/k.pem");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->database, "corebalance");
  EXPECT_EQ(config->tls.mode, TlsMode::kVerifyCa);
  EXPECT_EQ(config->tls.ca, "/etc/db ca/ca.pem");
  EXPECT_EQ(config->tls.cert, "/c.pem");
  EXPECT_EQ(config->tls.key, "/k.pem");
  auto again = ParseMysqlUrl(FormatMysqlUrl(*config));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->tls.mode, TlsMode::kVerifyCa);
  EXPECT_EQ(again->tls.ca, "/etc/db ca/ca.pem");
  EXPECT_EQ(again->tls.key, "/k.pem");
  EXPECT_EQ(again->password, "pw");
}

TEST(ParseMysqlUrl, ACaAloneMeansVerifyIdentityAndNoParametersMeansPlaintext) {
  auto verified = ParseMysqlUrl("mysql://cb@db/corebalance?ssl-ca=/ca.pem");
  ASSERT_TRUE(verified.ok()) << verified.status();
  EXPECT_EQ(verified->tls.mode, TlsMode::kVerifyIdentity);
  auto plain = ParseMysqlUrl("mysql://cb@db/corebalance");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->tls.mode, TlsMode::kDisabled);
  EXPECT_EQ(FormatMysqlUrl(*plain), "mysql://cb@db:3306/corebalance");
}

TEST(ParseMysqlUrl, ErrorNeverRepeatsThePassword) {
  auto config = ParseMysqlUrl("mysql://root:hunter2@host:port/db");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), Not(HasSubstr("hunter2")));
  EXPECT_THAT(config.status().message(), HasSubstr("port"));
}

TEST(FormatMysqlUrl, RoundTripsThroughParse) {
  MysqlConfig config;
  config.user = "app";
  config.password = "p@ss/w:rd%";
  config.host = "10.0.0.5";
  config.port = 3311;
  config.database = "clinic_1";
  auto parsed = ParseMysqlUrl(FormatMysqlUrl(config));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->user, config.user);
  EXPECT_EQ(parsed->password, config.password);
  EXPECT_EQ(parsed->host, config.host);
  EXPECT_EQ(parsed->port, config.port);
  EXPECT_EQ(parsed->database, config.database);
}

TEST(RedactedUrl, HidesThePassword) {
  MysqlConfig config;
  config.password = "hunter2";
  EXPECT_THAT(RedactedUrl(config), Not(HasSubstr("hunter2")));
  EXPECT_THAT(RedactedUrl(config), HasSubstr("root:***@127.0.0.1:3306"));
}

}  // namespace
}  // namespace corebalance::store
