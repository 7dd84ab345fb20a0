// TLS and mTLS handshakes against certificates this test makes with openssl.

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "tests/support/test_certificates.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using test::Context;
using test::TestServer;
using Certificates = test::TestCertificates;

grpc::Status Whoami(std::shared_ptr<grpc::Channel> channel,
                    const std::string& token) {
  v1::CallerIdentity me;
  return v1::AccessService::NewStub(channel)->GetCallerIdentity(
      Context(token, absl::Seconds(5)).get(), {}, &me);
}

std::shared_ptr<grpc::Channel> TlsChannel(const Certificates& certs, int port,
                                          const std::string& client = "") {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = certs.pem("ca.pem");
  if (!client.empty()) {
    options.pem_cert_chain = certs.pem(client + ".pem");
    options.pem_private_key = certs.pem(client + ".key");
  }
  return grpc::CreateChannel(absl::StrCat("localhost:", port),
                             grpc::SslCredentials(options));
}

TEST(TlsTest, ServesTlsAndRefusesPlaintext) {
  Certificates certs;
  TestServer::Options options;
  options.configure = [&](server::ServerConfig& c) {
    c.tls_cert = certs.path("server.pem");
    c.tls_key = certs.path("server.key");
  };
  TestServer server(options);
  const int port = server.runtime().port();
  EXPECT_TRUE(Whoami(TlsChannel(certs, port), server.admin_token()).ok());
  auto plaintext = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                       grpc::InsecureChannelCredentials());
  EXPECT_EQ(Whoami(plaintext, server.admin_token()).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST(TlsTest, MutualTlsRequiresAClientCertificateFromTheConfiguredCa) {
  Certificates certs;
  TestServer::Options options;
  options.configure = [&](server::ServerConfig& c) {
    c.tls_cert = certs.path("server.pem");
    c.tls_key = certs.path("server.key");
    c.tls_client_ca = certs.path("ca.pem");
  };
  TestServer server(options);
  const int port = server.runtime().port();
  EXPECT_TRUE(
      Whoami(TlsChannel(certs, port, "client"), server.admin_token()).ok());
  EXPECT_EQ(Whoami(TlsChannel(certs, port), server.admin_token()).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(
      Whoami(TlsChannel(certs, port, "rogue-client"), server.admin_token())
          .error_code(),
      grpc::StatusCode::UNAVAILABLE);
}

TEST(TlsTest, HalfConfiguredTlsIsRefusedAtStart) {
  server::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.tls_cert = "/nonexistent/server.pem";
  auto runtime = server::ServerRuntime::Start(config);
  ASSERT_FALSE(runtime.ok());
  EXPECT_NE(std::string(runtime.status().message()).find("--tls-key"),
            std::string::npos);
}

}  // namespace
}  // namespace corebalance
