// Mutated and random requests for every unary RPC of the public services,
// sent to the real server binary (the ASan build in CI) over a real socket.
// Whatever arrives, the server must not crash, answer INTERNAL or UNKNOWN,
// hang (every call has 10 s), or grow its memory past a bound, and a call
// it refuses must leave the services' own tables as they were. The number
// of calls is bounded: COREBALANCE_RPC_FUZZ_CALLS (default 1200).

#include <cppconn/resultset.h>
#include <grpcpp/grpcpp.h>

#include <cmath>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "corebalance/v1/access.grpc.pb.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "corebalance/v1/prescription.grpc.pb.h"
#include "corebalance/v1/progress.grpc.pb.h"
#include "gtest/gtest.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/integration/errors/calls.h"
#include "tests/integration/intake/intake_fixture.h"
#include "tests/support/free_port.h"
#include "tests/support/process.h"
#include "tests/support/raw_call.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

namespace corebalance {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr const char* kServices[] = {
    "corebalance.v1.AccessService", "corebalance.v1.IntakeService",
    "corebalance.v1.PrescriptionService", "corebalance.v1.ProgressService"};

struct Method {
  std::string path;  // "/corebalance.v1.IntakeService/GetPatient"
  const Descriptor* input;
};

std::vector<Method> UnaryMethods() {
  // The generated files register their descriptors once linked in.
  (void)v1::AccessService::service_full_name();
  (void)v1::IntakeService::service_full_name();
  (void)v1::PrescriptionService::service_full_name();
  (void)v1::ProgressService::service_full_name();
  std::vector<Method> methods;
  for (const char* name : kServices) {
    const auto* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            name);
    if (service == nullptr) continue;
    for (int i = 0; i < service->method_count(); ++i) {
      const auto* m = service->method(i);
      if (m->client_streaming() || m->server_streaming()) continue;
      methods.push_back(
          {absl::StrCat("/", service->full_name(), "/", m->name()),
           m->input_type()});
    }
  }
  return methods;
}

// Random values with a bias to the ones that break parsers and bounds.
class Fuzzer {
 public:
  Fuzzer(uint64_t seed, std::vector<std::string> names)
      : rng_(seed), names_(std::move(names)) {}

  int Below(int n) { return static_cast<int>(rng_() % n); }
  bool OneIn(int n) { return Below(n) == 0; }

  std::string String() {
    switch (Below(12)) {
      case 0:
        return "";
      case 1:
        return std::string(Below(2) ? 300 : 70000, 'x');
      case 2:
        return std::string("pat\0ients/abc", 13);
      case 3:
        return "patients/../../etc\n\t\x01";
      case 4:
        return "' OR 1=1; DROP TABLE intake_patients; --";
      case 5:
        return "\xff\xfe\xc3\x28 not utf-8";
      case 6:
        return "patients/-";
      case 7:
        return "*";
      case 8:
        return absl::StrCat(names_[Below(names_.size())], "/",
                            names_[Below(names_.size())]);
      case 9: {
        std::string s(Below(40), ' ');
        for (char& c : s) c = static_cast<char>(Below(256));
        return s;
      }
      default:
        return names_[Below(names_.size())];
    }
  }

  int64_t Int() {
    constexpr int64_t kEdges[] = {0,
                                  1,
                                  -1,
                                  2,
                                  7,
                                  10,
                                  1000,
                                  1000000000,
                                  2000000000,
                                  std::numeric_limits<int32_t>::max(),
                                  std::numeric_limits<int32_t>::min(),
                                  std::numeric_limits<int64_t>::max(),
                                  std::numeric_limits<int64_t>::min(),
                                  253402300800,
                                  -62135596801};
    if (OneIn(4)) return static_cast<int64_t>(rng_());
    return kEdges[Below(std::size(kEdges))];
  }

  double Double() {
    constexpr double kEdges[] = {0.0, -1.0, 0.5, 1e308, -1e308};
    if (OneIn(6)) return std::numeric_limits<double>::quiet_NaN();
    if (OneIn(6)) return std::numeric_limits<double>::infinity();
    return kEdges[Below(std::size(kEdges))];
  }

  // Sets some of `message`'s fields (each with probability 1/2) to random
  // values, nested messages `depth` levels deep.
  void Fill(Message* message, int depth) {
    const Descriptor* d = message->GetDescriptor();
    for (int i = 0; i < d->field_count(); ++i) {
      if (OneIn(2)) continue;
      const FieldDescriptor* f = d->field(i);
      if (f->is_repeated()) {
        const int n = OneIn(20) ? 1500 : Below(4);
        for (int k = 0; k < n; ++k) Set(message, f, depth);
      } else {
        Set(message, f, depth);
      }
    }
  }

  // Changes one field of `message`: a new value, or cleared.
  void Mutate(Message* message) {
    const Descriptor* d = message->GetDescriptor();
    if (d->field_count() == 0) return;
    const FieldDescriptor* f = d->field(Below(d->field_count()));
    const Reflection* r = message->GetReflection();
    if (f->type() == FieldDescriptor::TYPE_MESSAGE && !f->is_repeated() &&
        r->HasField(*message, f) && !OneIn(3)) {
      Mutate(r->MutableMessage(message, f));
      return;
    }
    r->ClearField(message, f);
    if (!OneIn(4)) Set(message, f, 2);
  }

  // Bytes that may not parse: the message's, with bytes changed, added or cut.
  std::string Corrupt(std::string bytes) {
    const int edits = 1 + Below(4);
    for (int i = 0; i < edits && !bytes.empty(); ++i) {
      const size_t at = Below(bytes.size());
      switch (Below(3)) {
        case 0:
          bytes[at] = static_cast<char>(rng_());
          break;
        case 1:
          bytes.insert(at, 1, static_cast<char>(rng_()));
          break;
        default:
          bytes.resize(at);
      }
    }
    return bytes;
  }

 private:
  void Set(Message* m, const FieldDescriptor* f, int depth) {
    const Reflection* r = m->GetReflection();
    const bool rep = f->is_repeated();
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING: {
        const std::string v = String();
        rep ? r->AddString(m, f, v) : r->SetString(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_INT32: {
        const auto v = static_cast<int32_t>(Int());
        rep ? r->AddInt32(m, f, v) : r->SetInt32(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_INT64: {
        const int64_t v = Int();
        rep ? r->AddInt64(m, f, v) : r->SetInt64(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_UINT32: {
        const auto v = static_cast<uint32_t>(Int());
        rep ? r->AddUInt32(m, f, v) : r->SetUInt32(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_UINT64: {
        const auto v = static_cast<uint64_t>(Int());
        rep ? r->AddUInt64(m, f, v) : r->SetUInt64(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_DOUBLE: {
        const double v = Double();
        rep ? r->AddDouble(m, f, v) : r->SetDouble(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_FLOAT: {
        const auto v = static_cast<float>(Double());
        rep ? r->AddFloat(m, f, v) : r->SetFloat(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        const bool v = OneIn(2);
        rep ? r->AddBool(m, f, v) : r->SetBool(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        // Known values mostly; sometimes a number the enum does not have.
        const auto* e = f->enum_type();
        const int v = OneIn(4) ? static_cast<int>(Int())
                               : e->value(Below(e->value_count()))->number();
        rep ? r->AddEnumValue(m, f, v) : r->SetEnumValue(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        if (depth <= 0) break;
        Message* child = rep ? r->AddMessage(m, f) : r->MutableMessage(m, f);
        Fill(child, depth - 1);
        break;
      }
    }
  }

  std::mt19937_64 rng_;
  std::vector<std::string> names_;
};

// The checksums of the tables that hold what the services own, i.e.
// without the audit trail and outboxes (refusals are audited), progress's
// copy and its due times (fed in the background), and the migrations.
std::map<std::string, std::string> StateOf(store::Pool& pool) {
  auto state = store::WithConnection(
      pool, absl::Now() + absl::Seconds(30),
      [&](store::Connection& c)
          -> absl::StatusOr<std::map<std::string, std::string>> {
        std::vector<std::string> tables;
        auto names = c.Query(
            "SELECT table_name FROM information_schema.tables WHERE "
            "table_schema = DATABASE() AND table_name NOT LIKE '%outbox%' AND "
            "table_name NOT LIKE '%audit%' AND table_name NOT LIKE "
            "'%event_heads%' AND table_name NOT LIKE 'progress_copy%' AND "
            "table_name NOT LIKE 'progress_adherence_due' AND table_name NOT "
            "LIKE 'schema_migration%'");
        while (names->next()) tables.emplace_back(names->getString(1));
        std::map<std::string, std::string> out;
        for (const std::string& t : tables) {
          auto sum = c.Query("CHECKSUM TABLE `" + t + "`");
          if (sum->next()) out[t] = sum->getString(2);
        }
        return out;
      });
  return state.ok() ? *state : std::map<std::string, std::string>{};
}

int64_t RssKb(pid_t pid) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    if (absl::StartsWith(line, "VmRSS:")) {
      int64_t kb = 0;
      (void)absl::SimpleAtoi(
          absl::StripAsciiWhitespace(line.substr(6, line.size() - 9)), &kb);
      return kb;
    }
  }
  return -1;
}

// Valid requests to start mutating from, naming records that exist.
struct Seeds {
  std::map<std::string, std::string> by_method;  // path -> serialized
  std::vector<std::string> names;
};

Seeds MakeSeeds(const std::shared_ptr<grpc::Channel>& channel,
                const std::string& token) {
  Seeds seeds;
  auto intake = v1::IntakeService::NewStub(channel);
  auto rx = v1::PrescriptionService::NewStub(channel);
  v1::CreatePatientRequest create;
  create.mutable_patient()->set_given_name("Maria");
  create.mutable_patient()->set_family_name("Fuzz");
  v1::Patient patient;
  EXPECT_TRUE(
      intake->CreatePatient(test::Context(token).get(), create, &patient).ok());
  v1::SubmitAssessmentRequest submit;
  submit.set_parent(patient.name());
  *submit.mutable_assessment() = test::InitialAssessment();
  v1::Assessment assessment;
  EXPECT_TRUE(
      intake->SubmitAssessment(test::Context(token).get(), submit, &assessment)
          .ok());
  v1::AssignPlanRequest assign;
  assign.set_parent(patient.name());
  v1::Plan plan;
  EXPECT_TRUE(rx->AssignPlan(test::Context(token).get(), assign, &plan).ok());
  v1::LogSessionRequest log = SessionOf(patient.name(), plan);
  log.mutable_session()->set_plan(plan.name());
  seeds.by_method["/corebalance.v1.IntakeService/CreatePatient"] =
      create.SerializeAsString();
  seeds.by_method["/corebalance.v1.IntakeService/SubmitAssessment"] =
      submit.SerializeAsString();
  seeds.by_method["/corebalance.v1.PrescriptionService/AssignPlan"] =
      assign.SerializeAsString();
  seeds.by_method["/corebalance.v1.ProgressService/LogSession"] =
      log.SerializeAsString();
  seeds.names = {patient.name(),       plan.name(),
                 assessment.name(),    "patients/-",
                 "exercises/dead-bug", "planTemplates/core-basics"};
  for (const auto& pe : plan.exercises()) seeds.names.push_back(pe.exercise());
  return seeds;
}

TEST(RpcFuzzTest, MutatedAndRandomRequestsToEveryMethodAreRefusedCleanly) {
  int calls = 1200;
  if (const char* n = std::getenv("COREBALANCE_RPC_FUZZ_CALLS")) {
    ASSERT_TRUE(absl::SimpleAtoi(n, &calls)) << n;
  }
  test::TestDatabase db;
  const std::string token = test::MigrateAndBootstrap(db.url());
  ASSERT_FALSE(token.empty());
  const int port = test::PickFreePort();
  // A small ASan quarantine, so the RSS bound measures the server.
  const char* asan = std::getenv("ASAN_OPTIONS");
  test::Process server(
      {test::ServerBinary()},
      {{"COREBALANCE_MYSQL_URL", db.url()},
       {"COREBALANCE_LISTEN", absl::StrCat("127.0.0.1:", port)},
       {"COREBALANCE_ALERT_SCAN_INTERVAL", "0s"},
       {"ASAN_OPTIONS", absl::StrCat(asan ? asan : "", asan ? ":" : "",
                                     "quarantine_size_mb=16")}});
  ASSERT_TRUE(test::WaitForServing(port)) << server.err();
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                     grpc::InsecureChannelCredentials());
  const Seeds seeds = MakeSeeds(channel, token);
  const std::vector<Method> methods = UnaryMethods();
  ASSERT_GT(methods.size(), 30u);

  store::Pool pool(db.config());
  grpc::GenericStub stub(channel);
  Fuzzer fuzz(20261204, seeds.names);
  std::map<std::string, std::string> before = StateOf(pool);
  std::map<grpc::StatusCode, int> codes;
  int64_t rss_warm = 0;
  for (int i = 0; i < calls; ++i) {
    const Method& method = methods[i % methods.size()];
    std::unique_ptr<Message> request(
        google::protobuf::MessageFactory::generated_factory()
            ->GetPrototype(method.input)
            ->New());
    const auto seed = seeds.by_method.find(method.path);
    if (seed != seeds.by_method.end() && fuzz.OneIn(2)) {
      request->ParseFromString(seed->second);
      fuzz.Mutate(request.get());
    } else {
      fuzz.Fill(request.get(), 3);
    }
    std::string bytes = request->SerializeAsString();
    if (fuzz.OneIn(5)) bytes = fuzz.Corrupt(std::move(bytes));
    const std::string& caller = fuzz.OneIn(10) ? "cbt_made_up" : token;
    const grpc::Status s = test::RawCall(stub, method.path, bytes, caller);
    ++codes[s.error_code()];
    ASSERT_NE(s.error_code(), grpc::StatusCode::INTERNAL)
        << method.path << ": " << s.error_message();
    ASSERT_NE(s.error_code(), grpc::StatusCode::UNKNOWN)
        << method.path << ": " << s.error_message();
    // Every method is hosted: a request that does not parse is
    // INVALID_ARGUMENT (malformed_request.h), never UNIMPLEMENTED.
    ASSERT_NE(s.error_code(), grpc::StatusCode::UNIMPLEMENTED) << method.path;
    ASSERT_NE(s.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
        << method.path << " hung";
    ASSERT_NE(s.error_code(), grpc::StatusCode::UNAVAILABLE)
        << method.path << ": " << s.error_message() << "\n"
        << server.err();
    const std::map<std::string, std::string> after = StateOf(pool);
    if (!s.ok()) {
      ASSERT_EQ(after, before)
          << method.path << " refused (" << s.error_code() << " "
          << s.error_message() << ") but changed the database";
    }
    before = after;
    if (i == calls / 10) rss_warm = RssKb(server.pid());
  }
  const int64_t rss_end = RssKb(server.pid());
  std::string summary;
  for (const auto& [code, n] : codes)
    absl::StrAppend(&summary, code, ":", n, " ");
  std::cout << "rpc fuzz: " << calls << " calls over " << methods.size()
            << " methods; codes " << summary << "; RSS " << rss_warm / 1024
            << " -> " << rss_end / 1024 << " MB\n";
  EXPECT_GT(codes[grpc::StatusCode::INVALID_ARGUMENT], 0);
  EXPECT_LT(rss_end - rss_warm, 96 * 1024)
      << "RSS grew by " << (rss_end - rss_warm) / 1024 << " MB";
  // Still serving, and it stops cleanly (under ASan: no leak at exit).
  ASSERT_TRUE(test::WaitForServing(port, absl::Seconds(5)));
  server.Signal(SIGTERM);
  EXPECT_EQ(server.Wait(absl::Seconds(30)), 0) << server.err();
}

}  // namespace
}  // namespace corebalance
