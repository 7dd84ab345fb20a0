// The database connection over TLS (README "Security"): a private MariaDB
// with certificates made in the test and require_secure_transport=ON
// refuses plaintext; the store's modes check what they promise; a user
// that requires a client certificate gets in only with one; and the server
// migrates and serves over verified TLS with its password from a file.

#include <cppconn/resultset.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "gtest/gtest.h"
#include "services/server/commands.h"
#include "services/store/connection.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/support/private_mariadb.h"
#include "tests/support/test_certificates.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using store::TlsMode;
using test::PrivateMariaDb;
using test::TestCertificates;

// A MariaDB serving `server_cert` that refuses plaintext; the test reaches
// it with VERIFY_CA against the test's CA.
PrivateMariaDb::Options TlsOnly(const TestCertificates& certs,
                                const std::string& server_cert) {
  PrivateMariaDb::Options options;
  options.server_args = {"--ssl-ca=" + certs.path("ca.pem"),
                         "--ssl-cert=" + certs.path(server_cert + ".pem"),
                         "--ssl-key=" + certs.path(server_cert + ".key"),
                         "--require-secure-transport=ON"};
  options.client_tls = {.mode = TlsMode::kVerifyCa, .ca = certs.path("ca.pem")};
  return options;
}

store::MysqlConfig With(store::MysqlConfig config, store::MysqlTls tls) {
  config.tls = std::move(tls);
  return config;
}

// The cipher of a session opened with `config`, or the status of the
// failed connection attempt.
absl::StatusOr<std::string> Cipher(const store::MysqlConfig& config) {
  auto connection =
      store::Connection::Open(config, absl::Now() + absl::Seconds(5));
  if (!connection.ok()) return connection.status();
  auto rows = (*connection)->Query("SHOW SESSION STATUS LIKE 'Ssl_cipher'");
  if (!rows->next()) return absl::InternalError("no Ssl_cipher");
  return std::string(rows->getString(2));
}

absl::Status Exec(const store::MysqlConfig& config, const std::string& sql) {
  store::Pool pool(config);
  return store::WithConnection(pool, absl::Now() + absl::Seconds(10),
                               [&](store::Connection& c) {
                                 c.Execute(sql);
                                 return absl::OkStatus();
                               });
}

TEST(DatabaseTlsTest, PlaintextIsRefusedAndEachModeChecksWhatItPromises) {
  TestCertificates certs;
  PrivateMariaDb db(TlsOnly(certs, "server"));
  ASSERT_TRUE(db.Start().ok()) << db.log_path();

  const absl::StatusOr<std::string> plain = Cipher(With(db.config(), {}));
  EXPECT_EQ(plain.status().code(), absl::StatusCode::kUnavailable);

  for (TlsMode mode :
       {TlsMode::kRequired, TlsMode::kVerifyCa, TlsMode::kVerifyIdentity}) {
    const absl::StatusOr<std::string> cipher =
        Cipher(With(db.config(), {.mode = mode, .ca = certs.path("ca.pem")}));
    ASSERT_TRUE(cipher.ok()) << static_cast<int>(mode) << cipher.status();
    EXPECT_FALSE(cipher->empty());
  }
  // A server certificate from a CA the client does not trust.
  for (TlsMode mode : {TlsMode::kVerifyCa, TlsMode::kVerifyIdentity}) {
    EXPECT_FALSE(Cipher(With(db.config(),
                             {.mode = mode, .ca = certs.path("rogue-ca.pem")}))
                     .ok())
        << static_cast<int>(mode);
  }
}

TEST(DatabaseTlsTest, VerifyIdentityRefusesACertificateForAnotherHost) {
  TestCertificates certs;
  PrivateMariaDb db(TlsOnly(certs, "wrong-host"));  // for db.example only
  ASSERT_TRUE(db.Start().ok()) << db.log_path();

  EXPECT_TRUE(Cipher(With(db.config(), {.mode = TlsMode::kVerifyCa,
                                        .ca = certs.path("ca.pem")}))
                  .ok());
  const absl::StatusOr<std::string> identity =
      Cipher(With(db.config(), {.mode = TlsMode::kVerifyIdentity,
                                .ca = certs.path("ca.pem")}));
  EXPECT_EQ(identity.status().code(), absl::StatusCode::kUnavailable);
}

TEST(DatabaseTlsTest, AUserRequiringACertificateGetsInOnlyWithOneFromTheCa) {
  TestCertificates certs;
  PrivateMariaDb db(TlsOnly(certs, "server"));
  ASSERT_TRUE(db.Start().ok()) << db.log_path();
  ASSERT_TRUE(
      Exec(db.config(), "CREATE USER 'device'@'127.0.0.1' REQUIRE X509").ok());
  ASSERT_TRUE(Exec(db.config(),
                   "GRANT ALL ON corebalance.* TO "
                   "'device'@'127.0.0.1'")
                  .ok());
  store::MysqlConfig device = db.config();
  device.user = "device";

  store::MysqlTls tls{.mode = TlsMode::kVerifyIdentity,
                      .ca = certs.path("ca.pem")};
  EXPECT_FALSE(Cipher(With(device, tls)).ok());  // no certificate
  tls.cert = certs.path("rogue-client.pem");
  tls.key = certs.path("rogue-client.key");
  EXPECT_FALSE(Cipher(With(device, tls)).ok());  // the server's CA refuses it
  tls.cert = certs.path("client.pem");
  tls.key = certs.path("client.key");
  const absl::StatusOr<std::string> cipher = Cipher(With(device, tls));
  EXPECT_TRUE(cipher.ok()) << cipher.status();
}

TEST(DatabaseTlsTest, TheServerMigratesAndServesOverTlsWithAPasswordFile) {
  TestCertificates certs;
  PrivateMariaDb db(TlsOnly(certs, "server"));
  ASSERT_TRUE(db.Start().ok()) << db.log_path();
  ASSERT_TRUE(Exec(db.config(),
                   "CREATE USER 'corebalance'@'127.0.0.1' IDENTIFIED BY "
                   "'pw from a Secret' REQUIRE SSL")
                  .ok());
  ASSERT_TRUE(
      Exec(db.config(), "GRANT ALL ON *.* TO 'corebalance'@'127.0.0.1'").ok());
  const std::string password_file = certs.path("db-password");
  std::ofstream(password_file) << "pw from a Secret\n";  // as kubectl writes

  // The server's own login: the URL names the user and TLS, the file holds
  // the password.
  auto as_service = [&](server::ServerConfig& config) {
    store::MysqlConfig url = *store::ParseMysqlUrl(config.mysql_url);
    url.user = "corebalance";
    url.password.clear();
    url.tls = {.mode = TlsMode::kVerifyIdentity, .ca = certs.path("ca.pem")};
    config.mysql_url = store::FormatMysqlUrl(url);
    config.mysql_password_file = password_file;
  };
  test::TestServer::Options options;
  options.database_server = db.config();
  options.configure = as_service;
  test::TestServer server(options);
  EXPECT_EQ(server::RunMigrate(server.config()), 0);  // nothing left to do

  auto intake = v1::IntakeService::NewStub(server.channel());
  v1::CreatePatientRequest create;
  create.mutable_patient()->set_given_name("Maria");
  create.mutable_patient()->set_family_name("Ortega");
  v1::Patient patient;
  const grpc::Status s = intake->CreatePatient(
      test::Context(server.admin_token()).get(), create, &patient);
  EXPECT_TRUE(s.ok()) << s.error_message();

  // A wrong password file: the migration is refused, plainly.
  std::ofstream(password_file) << "not it\n";
  EXPECT_NE(server::RunMigrate(server.config()), 0);
}

}  // namespace
}  // namespace corebalance
