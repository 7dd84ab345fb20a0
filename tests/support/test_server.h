#ifndef COREBALANCE_TESTS_SUPPORT_TEST_SERVER_H_
#define COREBALANCE_TESTS_SUPPORT_TEST_SERVER_H_

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "corebalance/v1/access.pb.h"
#include "services/server/server_config.h"
#include "services/server/server_runtime.h"
#include "tests/support/test_database.h"

namespace corebalance::test {

// The real server runtime in the test's process, on 127.0.0.1 port 0, over a
// fresh migrated database with the "San Clemente" clinic bootstrapped.
// Throws std::runtime_error (a test failure) when it cannot start.
class TestServer {
 public:
  struct Options {
    std::vector<server::Target> targets = server::AllTargets();
    // Applied to the config before starting, e.g. to set TLS or timeouts.
    std::function<void(server::ServerConfig&)> configure;
    // The MariaDB to create the test database on (default: the shared one
    // from COREBALANCE_TEST_MYSQL_URL), e.g. a PrivateMariaDb's config().
    std::optional<store::MysqlConfig> database_server;
  };

  TestServer();
  explicit TestServer(Options options);
  ~TestServer();

  std::string address() const;
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  const server::ServerConfig& config() const { return config_; }
  TestDatabase& database() { return *database_; }
  server::ServerRuntime& runtime() { return *runtime_; }

  // The bootstrapped admin of San Clemente.
  const std::string& admin_token() const { return admin_token_; }
  // Creates a staff member with `role` through the API and returns a token
  // acting as them.
  std::string StaffToken(v1::Role role, const std::string& name = "Staff");
  // An integration token with `scopes`.
  std::string IntegrationToken(const std::vector<std::string>& scopes = {});
  // Bootstraps another clinic and returns its admin's token.
  std::string OtherClinicAdminToken(const std::string& clinic = "Dana Point");

 private:
  std::unique_ptr<TestDatabase> database_;
  server::ServerConfig config_;
  std::unique_ptr<server::ServerRuntime> runtime_;
  std::shared_ptr<grpc::Channel> channel_;
  std::string admin_token_;
};

// A client context carrying `token` as a bearer credential and a deadline.
std::unique_ptr<grpc::ClientContext> Context(
    const std::string& token, absl::Duration timeout = absl::Seconds(10));

// Waits until every service's outbox has relayed the audit events written
// so far (throws, failing the test, after `timeout`).
void WaitForAuditRelay(TestServer& server,
                       absl::Duration timeout = absl::Seconds(10));
// The same for any server relaying to the database at `config`.
void WaitForAuditRelay(store::MysqlConfig config,
                       absl::Duration timeout = absl::Seconds(10));

// Every audit event naming `patient` in the server's clinic, newest first,
// once the relay has caught up
// (read as the clinic's admin; throws, failing the test, when it cannot).
std::vector<v1::AuditEvent> AuditEventsOf(TestServer& server,
                                          const std::string& patient);

// Bootstraps `clinic` in the database at `url` and returns the admin token
// (empty when it already existed).
std::string BootstrapClinic(const store::MysqlConfig& database,
                            const std::string& clinic,
                            const std::string& admin_name);

}  // namespace corebalance::test

#endif  // COREBALANCE_TESTS_SUPPORT_TEST_SERVER_H_
