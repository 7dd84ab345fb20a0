// TLS and mTLS handshakes against certificates this test makes with openssl.

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

namespace fs = std::filesystem;
using test::Context;
using test::TestServer;

std::string Read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void Run(const std::string& command) {
  ASSERT_EQ(std::system((command + " >/dev/null 2>&1").c_str()), 0) << command;
}

// A CA, a server certificate for localhost/127.0.0.1, a client certificate,
// and a client certificate from an unrelated CA.
class Certificates {
 public:
  Certificates()
      : dir_(fs::temp_directory_path() /
             absl::StrCat("cb-tls-", getpid(), "-", rand())) {
    fs::create_directories(dir_);
    const std::string d = dir_.string();
    const std::string key =
        "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    for (const char* ca : {"ca", "rogue-ca"}) {
      Run(absl::StrCat("openssl req -x509 ", key, " -days 1 -subj /CN=", ca,
                       " -keyout ", d, "/", ca, ".key -out ", d, "/", ca,
                       ".pem"));
    }
    Sign("server", "ca",
         "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage="
         "serverAuth");
    Sign("client", "ca", "extendedKeyUsage=clientAuth");
    Sign("rogue-client", "rogue-ca", "extendedKeyUsage=clientAuth");
  }
  ~Certificates() { fs::remove_all(dir_); }
  std::string path(const std::string& name) const {
    return (dir_ / name).string();
  }
  std::string pem(const std::string& name) const { return Read(dir_ / name); }

 private:
  void Sign(const std::string& name, const std::string& ca,
            const std::string& ext) {
    const std::string d = dir_.string();
    std::ofstream(dir_ / (name + ".ext")) << ext << "\n";
    Run(absl::StrCat(
        "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
        "-subj /CN=",
        name, " -keyout ", d, "/", name, ".key -out ", d, "/", name, ".csr"));
    Run(absl::StrCat("openssl x509 -req -days 1 -in ", d, "/", name,
                     ".csr -CA ", d, "/", ca, ".pem -CAkey ", d, "/", ca,
                     ".key -CAcreateserial -extfile ", d, "/", name,
                     ".ext -out ", d, "/", name, ".pem"));
  }
  fs::path dir_;
};

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
