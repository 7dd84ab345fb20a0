// No database text reaches a caller (issue 12, item 6). The error paths a
// caller can provoke or suffer, walked through the real server runtime
// against a real MariaDB: a database that is unreachable from the start, one
// that stops under a running server, missing tables, duplicate keys on
// create paths and an over-long value. Whatever the code, neither a status
// message nor its serialized details nor any metadata may hold the
// database's words, its SQL, its address or its login.

#include <grpcpp/client_context.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "corebalance/v1/prescription.grpc.pb.h"
#include "corebalance/v1/progress.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/store/mysql_config.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/integration/errors/calls.h"
#include "tests/integration/intake/intake_fixture.h"
#include "tests/support/free_port.h"
#include "tests/support/private_mariadb.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// What no caller may see, plus what names `database`: its port and name.
std::vector<std::string> Forbidden(const store::MysqlConfig& database) {
  return {"MySQL",          "SQLSTATE", "127.0.0.1",
          "root@",          "SELECT",   "INSERT",
          "UPDATE",         "mysql://", absl::StrCat(database.port),
          database.database};
}

std::string Text(grpc::string_ref ref) {
  return std::string(ref.data(), ref.size());
}

// Makes `call` as `token` and checks everything the caller receives.
grpc::Status CallAndCheck(const NamedCall& call, const std::string& token,
                          const std::vector<std::string>& forbidden,
                          const std::string& request_id = "") {
  auto context = test::Context(token);
  if (!request_id.empty()) context->AddMetadata("x-request-id", request_id);
  const grpc::Status status = call.call(*context);
  for (const std::string& text : forbidden) {
    EXPECT_THAT(status.error_message(), Not(HasSubstr(text)))
        << call.name << ": " << status.error_message();
    EXPECT_THAT(status.error_details(), Not(HasSubstr(text))) << call.name;
    for (const auto& [key, value] : context->GetServerTrailingMetadata()) {
      EXPECT_THAT(Text(value), Not(HasSubstr(text)))
          << call.name << " trailer " << Text(key);
    }
    for (const auto& [key, value] : context->GetServerInitialMetadata()) {
      EXPECT_THAT(Text(value), Not(HasSubstr(text)))
          << call.name << " header " << Text(key);
    }
  }
  return status;
}

v1::CreateStaffMemberRequest NewStaffMember() {
  v1::CreateStaffMemberRequest request;
  request.mutable_staff_member()->set_display_name("Dr. Lee");
  request.mutable_staff_member()->set_email("lee@example.org");
  request.mutable_staff_member()->set_role(v1::ROLE_PRACTITIONER);
  return request;
}

// Reads and writes of every service about `patient` ("patients/..."), each
// of which needs the database.
std::vector<NamedCall> CallsAbout(Stubs& stubs, const std::string& patient) {
  using S = Stubs;
  v1::ListPlansRequest plans;
  plans.set_parent(patient);
  v1::ListSessionsRequest sessions;
  sessions.set_parent(patient);
  v1::GetProgressSummaryRequest summary;
  summary.set_patient(patient);
  v1::ListAlertsRequest alerts;
  alerts.set_parent("patients/-");
  S::Access* access = stubs.access.get();
  S::Intake* intake = stubs.intake.get();
  S::Prescription* prescription = stubs.prescription.get();
  S::Progress* progress = stubs.progress.get();
  return {
      Rpc("ListStaffMembers", access, &S::Access::ListStaffMembers),
      Rpc("CreateStaffMember", access, &S::Access::CreateStaffMember,
          NewStaffMember()),
      Rpc("ListAuditEvents", access, &S::Access::ListAuditEvents),
      Rpc("CreatePatient", intake, &S::Intake::CreatePatient,
          NewPatient("Ruiz")),
      Rpc("GetPatient", intake, &S::Intake::GetPatient, GetPatient(patient)),
      Rpc("ListPatients", intake, &S::Intake::ListPatients),
      Rpc("SubmitAssessment", intake, &S::Intake::SubmitAssessment,
          NewAssessment(patient)),
      Rpc("ListExercises", prescription, &S::Prescription::ListExercises),
      Rpc("ListPlans", prescription, &S::Prescription::ListPlans, plans),
      Rpc("ListSessions", progress, &S::Progress::ListSessions, sessions),
      Rpc("GetProgressSummary", progress, &S::Progress::GetProgressSummary,
          summary),
      Rpc("ListAlerts", progress, &S::Progress::ListAlerts, alerts),
  };
}

// Creates a patient as `token` or fails the test.
std::string CreatePatient(Stubs& stubs, const std::string& token,
                          const std::string& family) {
  v1::Patient patient;
  const grpc::Status s = stubs.intake->CreatePatient(
      test::Context(token).get(), NewPatient(family), &patient);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return patient.name();
}

absl::Status Exec(const store::MysqlConfig& database, const std::string& sql) {
  store::Pool pool(database);
  return store::WithConnection(pool, absl::Now() + absl::Seconds(10),
                               [&](store::Connection& c) {
                                 c.Execute(sql);
                                 return absl::OkStatus();
                               });
}

TEST(DatabaseTextTest, UnreachableDatabaseAnswersUnavailablePlainly) {
  // Migrated and bootstrapped on the test database, then served against a
  // port where nothing listens.
  store::MysqlConfig unreachable = test::TestServerConfig();
  unreachable.port = test::PickFreePort();
  test::TestServer::Options options;
  options.configure = [&unreachable](server::ServerConfig& config) {
    unreachable.database = store::ParseMysqlUrl(config.mysql_url)->database;
    config.mysql_url = store::FormatMysqlUrl(unreachable);
  };
  test::TestServer server(options);
  Stubs stubs(server.channel());
  const std::vector<std::string> forbidden = Forbidden(unreachable);
  std::vector<NamedCall> calls = CallsAbout(stubs, "patients/abcdefghijklmn");
  calls.push_back(Rpc("GetCallerIdentity", stubs.access.get(),
                      &Stubs::Access::GetCallerIdentity));

  // Every caller goes through the authenticator, whose introspection cannot
  // reach the database: with a valid token or a made-up one.
  for (const std::string& token :
       {server.admin_token(), std::string("cbt_not_a_real_token")}) {
    for (const NamedCall& call : calls) {
      const grpc::Status s = CallAndCheck(call, token, forbidden);
      EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE)
          << call.name << ": " << s.error_message();
    }
  }
}

TEST(DatabaseTextTest, StoppedDatabaseAnswersUnavailablePlainly) {
  test::TestServer::Options options;
  // The admin's token stays known while the database is down, so the calls
  // get past authentication into the services' own store code.
  options.configure = [](server::ServerConfig& config) {
    config.auth_cache_ttl = absl::Minutes(10);
  };
  test::PrivateMariaDb db;
  const absl::Status started = db.Start();
  ASSERT_TRUE(started.ok()) << started;
  options.database_server = db.config();
  test::TestServer server(options);
  Stubs stubs(server.channel());
  const std::string patient =
      CreatePatient(stubs, server.admin_token(), "Sanchez");
  store::MysqlConfig database = db.config();
  database.database = server.database().name();
  const std::vector<std::string> forbidden = Forbidden(database);
  const std::vector<NamedCall> calls = CallsAbout(stubs, patient);

  ASSERT_TRUE(db.Stop().ok());
  // Twice: first on the pooled connections the stop broke, then on new ones
  // that cannot be opened.
  for (int round = 0; round < 2; ++round) {
    for (const NamedCall& call : calls) {
      const grpc::Status s =
          CallAndCheck(call, server.admin_token(), forbidden);
      EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE)
          << call.name << ": " << s.error_message();
    }
  }
  // A token the server has not seen is introspected, which fails too.
  const grpc::Status s = CallAndCheck(calls.front(), "cbt_unknown", forbidden);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
}

TEST(DatabaseTextTest, MissingTablesAreNotNamed) {
  test::TestServer server;
  Stubs stubs(server.channel());
  const std::string patient =
      CreatePatient(stubs, server.admin_token(), "Sanchez");
  const std::vector<NamedCall> calls = CallsAbout(stubs, patient);
  std::vector<std::string> forbidden = Forbidden(server.database().config());
  // A table gone from under the server fails the calls that use it (and,
  // for the audit log, every audited call).
  const std::vector<std::string> tables = {
      "access_staff_members", "access_audit_events", "intake_patients",
      "intake_assessments",   "prescription_plans",  "prescription_exercises",
      "progress_sessions",    "progress_alerts"};
  for (const std::string& table : tables) forbidden.push_back(table);

  for (const std::string& table : tables) {
    ASSERT_TRUE(Exec(server.database().config(),
                     absl::StrCat("RENAME TABLE ", table, " TO gone_", table))
                    .ok())
        << table;
    int failed = 0;
    for (const NamedCall& call : calls) {
      failed +=
          CallAndCheck(call, server.admin_token(), forbidden).ok() ? 0 : 1;
    }
    EXPECT_GT(failed, 0) << "no call needs " << table;
    ASSERT_TRUE(Exec(server.database().config(),
                     absl::StrCat("RENAME TABLE gone_", table, " TO ", table))
                    .ok())
        << table;
  }
  // With every table back, calls work again.
  const grpc::Status s =
      CallAndCheck(calls.front(), server.admin_token(), forbidden);
  EXPECT_TRUE(s.ok()) << s.error_message();
}

TEST(DatabaseTextTest, MissingTableIsAPlainInternalErrorLoggedOnce) {
  test::TestServer server;
  Stubs stubs(server.channel());
  const std::string patient =
      CreatePatient(stubs, server.admin_token(), "Sanchez");
  ASSERT_TRUE(Exec(server.database().config(),
                   "RENAME TABLE intake_patients TO gone_intake_patients")
                  .ok());
  std::vector<std::string> forbidden = Forbidden(server.database().config());
  forbidden.push_back("intake_patients");

  ::testing::internal::CaptureStderr();
  const grpc::Status s =
      CallAndCheck(Rpc("GetPatient", stubs.intake.get(),
                       &Stubs::Intake::GetPatient, GetPatient(patient)),
                   server.admin_token(), forbidden, "trace-missing-table");
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INTERNAL) << s.error_message();
  EXPECT_EQ(s.error_message(), "internal error");

  // The server's log has what the caller did not get, once, with the
  // method and the request id to find it by.
  std::vector<std::string> logged;
  for (absl::string_view line : absl::StrSplit(log, '\n')) {
    if (absl::StrContains(line, "request_id=trace-missing-table") &&
        absl::StrContains(line, "event=rpc_internal_error")) {
      logged.emplace_back(line);
    }
  }
  ASSERT_EQ(logged.size(), 1u) << log;
  EXPECT_THAT(logged[0], HasSubstr("level=error"));
  EXPECT_THAT(logged[0],
              HasSubstr("method=corebalance.v1.IntakeService/GetPatient"));
  EXPECT_THAT(logged[0], HasSubstr("MySQL error 1146"));
}

TEST(DatabaseTextTest, DuplicateKeysOnCreatePathsAreAnsweredPlainly) {
  test::TestServer server;
  Stubs stubs(server.channel());
  const std::vector<std::string> forbidden =
      Forbidden(server.database().config());
  const std::string a = CreatePatient(stubs, server.admin_token(), "Alvarez");
  const std::string b = CreatePatient(stubs, server.admin_token(), "Baker");

  // One request_id for two patients' assessments: the second insert of the
  // request id clashes on its primary key.
  auto submit = [&stubs](const std::string& patient) {
    return Rpc("SubmitAssessment " + patient, stubs.intake.get(),
               &Stubs::Intake::SubmitAssessment,
               NewAssessment(patient, "assessment-1"));
  };
  const grpc::Status first =
      CallAndCheck(submit(a), server.admin_token(), forbidden);
  ASSERT_TRUE(first.ok()) << first.error_message();
  const grpc::Status second =
      CallAndCheck(submit(b), server.admin_token(), forbidden);
  EXPECT_FALSE(second.ok());
  EXPECT_THAT(second.error_message(), Not(HasSubstr("1062")));
  EXPECT_THAT(second.error_message(), Not(HasSubstr("PRIMARY")));

  // Two staff members with one email: the unique key on email.
  const NamedCall create_staff =
      Rpc("CreateStaffMember", stubs.access.get(),
          &Stubs::Access::CreateStaffMember, NewStaffMember());
  ASSERT_TRUE(CallAndCheck(create_staff, server.admin_token(), forbidden).ok());
  const grpc::Status again =
      CallAndCheck(create_staff, server.admin_token(), forbidden);
  EXPECT_FALSE(again.ok());
  EXPECT_THAT(again.error_message(), Not(HasSubstr("uq_")));
}

TEST(DatabaseTextTest, OverlongRequestIdIsAnsweredPlainly) {
  test::TestServer server;
  Stubs stubs(server.channel());
  const std::string patient =
      CreatePatient(stubs, server.admin_token(), "Sanchez");
  const std::vector<std::string> forbidden =
      Forbidden(server.database().config());
  // Longer than any column it is stored in (the audit log's request_id).
  const std::string request_id(300, 'r');
  for (const NamedCall& call : CallsAbout(stubs, patient)) {
    CallAndCheck(call, server.admin_token(), forbidden, request_id);
  }
}

}  // namespace
}  // namespace corebalance
