#include "tests/support/test_server.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <stdexcept>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "services/access/repositories/audit_repository.h"
#include "services/access/use_cases/bootstrap.h"
#include "services/common/resource_id.h"
#include "services/outbox/outbox.h"
#include "services/outbox/outbox_store.h"
#include "services/server/migrations_for.h"
#include "services/store/migrations.h"
#include "services/store/pool.h"
#include "services/store/run.h"

namespace corebalance::test {
namespace {

void Check(const absl::Status& status, const std::string& what) {
  if (!status.ok()) {
    throw std::runtime_error(absl::StrCat(what, ": ", status.ToString()));
  }
}

}  // namespace

void WaitForAuditRelay(TestServer& server, absl::Duration timeout) {
  WaitForAuditRelay(server.database().config(), timeout);
}

void WaitForAuditRelay(store::MysqlConfig config, absl::Duration timeout) {
  config.pool_size = 1;
  store::Pool pool(config);
  const absl::Time give_up = absl::Now() + timeout;
  for (;;) {
    int64_t waiting = 0;
    for (const char* service :
         {"access", "intake", "prescription", "progress"}) {
      const outbox::OutboxStore outbox(service);
      auto exists = store::WithConnection(
          pool, give_up, [&](store::Connection& c) -> absl::StatusOr<bool> {
            return outbox.Exists(c);
          });
      Check(exists.status(), "reading the schema");
      if (!*exists) continue;
      auto oldest = outbox.OldestPending(pool, give_up);
      Check(oldest.status(), "reading the outbox");
      if (oldest->has_value()) ++waiting;
    }
    if (waiting == 0) return;
    if (absl::Now() > give_up) {
      throw std::runtime_error("the audit relay did not catch up in time");
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
}

std::vector<v1::AuditEvent> AuditEventsOf(TestServer& server,
                                          const std::string& patient) {
  WaitForAuditRelay(server);
  auto access = v1::AccessService::NewStub(server.channel());
  v1::ListAuditEventsRequest request;
  request.set_patient(patient);
  request.set_page_size(1000);
  v1::ListAuditEventsResponse response;
  grpc::Status s = access->ListAuditEvents(Context(server.admin_token()).get(),
                                           request, &response);
  if (!s.ok()) {
    throw std::runtime_error("ListAuditEvents failed: " + s.error_message());
  }
  return {response.audit_events().begin(), response.audit_events().end()};
}

std::string BootstrapClinic(const store::MysqlConfig& database,
                            const std::string& clinic,
                            const std::string& admin_name) {
  store::Pool pool(database);
  auto result = access::Bootstrap(pool, clinic, admin_name, "",
                                  absl::Now() + absl::Seconds(30));
  Check(result.status(), "bootstrap " + clinic);
  return result->admin_token;
}

TestServer::TestServer() : TestServer(Options{}) {}

TestServer::TestServer(Options options)
    : database_(options.database_server
                    ? std::make_unique<TestDatabase>(*options.database_server)
                    : std::make_unique<TestDatabase>()) {
  {
    store::Pool pool(database_->config());
    Check(store::Migrate(pool, server::MigrationsFor(server::AllTargets())),
          "migrate");
  }
  admin_token_ =
      BootstrapClinic(database_->config(), "San Clemente", "Clinic Admin");
  config_.targets = options.targets;
  config_.listen = "127.0.0.1:0";
  config_.mysql_url = database_->url();
  config_.pool_size = 4;
  config_.workers = 4;
  config_.health_interval = absl::Milliseconds(100);
  config_.drain_timeout = absl::Seconds(5);
  if (options.configure) options.configure(config_);
  auto runtime = server::ServerRuntime::Start(config_);
  Check(runtime.status(), "start server");
  runtime_ = *std::move(runtime);
  if (config_.tls_cert.empty()) {
    channel_ =
        grpc::CreateChannel(address(), grpc::InsecureChannelCredentials());
  }
}

TestServer::~TestServer() {
  if (runtime_) runtime_->Shutdown();
}

std::string TestServer::address() const {
  return absl::StrCat("127.0.0.1:", runtime_->port());
}

std::string TestServer::StaffToken(v1::Role role, const std::string& name) {
  auto stub = v1::AccessService::NewStub(channel_);
  v1::CreateStaffMemberRequest create;
  create.mutable_staff_member()->set_display_name(name);
  create.mutable_staff_member()->set_role(role);
  v1::StaffMember staff;
  grpc::Status s =
      stub->CreateStaffMember(Context(admin_token_).get(), create, &staff);
  if (!s.ok()) throw std::runtime_error("create staff: " + s.error_message());
  v1::IssueApiTokenRequest issue;
  issue.mutable_api_token()->set_display_name(name + " token");
  issue.mutable_api_token()->set_staff_member(staff.name());
  v1::IssueApiTokenResponse issued;
  s = stub->IssueApiToken(Context(admin_token_).get(), issue, &issued);
  if (!s.ok()) throw std::runtime_error("issue token: " + s.error_message());
  return issued.secret();
}

std::string TestServer::IntegrationToken(
    const std::vector<std::string>& scopes) {
  auto stub = v1::AccessService::NewStub(channel_);
  v1::IssueApiTokenRequest issue;
  issue.mutable_api_token()->set_display_name("Patient app");
  for (const auto& s : scopes) issue.mutable_api_token()->add_scopes(s);
  v1::IssueApiTokenResponse issued;
  grpc::Status s =
      stub->IssueApiToken(Context(admin_token_).get(), issue, &issued);
  if (!s.ok()) throw std::runtime_error("issue token: " + s.error_message());
  return issued.secret();
}

std::string TestServer::OtherClinicAdminToken(const std::string& clinic) {
  return BootstrapClinic(database_->config(), clinic, "Other Admin");
}

std::unique_ptr<grpc::ClientContext> Context(const std::string& token,
                                             absl::Duration timeout) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  return context;
}

}  // namespace corebalance::test
