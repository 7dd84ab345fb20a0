// PrescriptionService in a process of its own (microservice mode): it reads
// IntakeService over the network with the caller's credentials and
// deadline, and answers UNAVAILABLE quickly when IntakeService is down or
// silent.

#include <arpa/inet.h>
#include <grpcpp/create_channel.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/integration/prescription/prescription_fixture.h"
#include "tests/support/free_port.h"

namespace corebalance::test {
namespace {

using server::ServerRuntime;
using server::Target;

constexpr char kInternalKey[] = "microservice-test-internal-key";

// A TCP listener that accepts connections into its backlog and never says a
// word: a hung peer.
class SilentListener {
 public:
  SilentListener() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(addr);
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
        listen(fd_, 16) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      ADD_FAILURE() << "cannot open a listening socket";
    }
    port_ = ntohs(addr.sin_port);
  }
  ~SilentListener() {
    if (fd_ >= 0) close(fd_);
  }
  std::string address() const { return absl::StrCat("127.0.0.1:", port_); }

 private:
  int fd_ = -1;
  int port_ = 0;
};

class MicroserviceTest : public ::testing::Test {
 protected:
  // Access and intake in one runtime, prescription in another that knows
  // them only by address.
  static void SetUpTestSuite() {
    TestServer::Options options;
    options.targets = {Target::kAccess, Target::kIntake};
    options.configure = [](server::ServerConfig& c) {
      c.internal_key = kInternalKey;
    };
    front_ = new TestServer(options);
    practitioner_ = front_->StaffToken(v1::ROLE_PRACTITIONER, "Remote Pia");
    patients_ = new Patients(front_->channel(), practitioner_);
  }
  static void TearDownTestSuite() {
    delete patients_;
    delete front_;
  }

  // A prescription-only runtime over the same database, reaching intake at
  // `intake_address`.
  static std::unique_ptr<ServerRuntime> StartPrescription(
      const std::string& intake_address) {
    server::ServerConfig c = front_->config();
    c.targets = {Target::kPrescription};
    c.listen = "127.0.0.1:0";
    c.internal_key = kInternalKey;
    c.peer_addresses = {{Target::kAccess, front_->address()},
                        {Target::kIntake, intake_address}};
    auto runtime = ServerRuntime::Start(c);
    EXPECT_TRUE(runtime.ok()) << runtime.status();
    return runtime.ok() ? *std::move(runtime) : nullptr;
  }
  static std::unique_ptr<v1::PrescriptionService::Stub> Stub(
      ServerRuntime& runtime) {
    return v1::PrescriptionService::NewStub(
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", runtime.port()),
                            grpc::InsecureChannelCredentials()));
  }
  static grpc::Status Assign(ServerRuntime& runtime, const std::string& token,
                             const std::string& patient, v1::Plan* out,
                             absl::Duration timeout = absl::Seconds(10),
                             const std::string& override_reason = "") {
    v1::AssignPlanRequest request;
    request.set_parent(patient);
    request.set_override_reason(override_reason);
    return Stub(runtime)->AssignPlan(Context(token, timeout).get(), request,
                                     out);
  }

  static TestServer* front_;
  static std::string practitioner_;
  static Patients* patients_;
};
TestServer* MicroserviceTest::front_ = nullptr;
std::string MicroserviceTest::practitioner_;
Patients* MicroserviceTest::patients_ = nullptr;

TEST_F(MicroserviceTest, AssignsWithIntakeInAnotherProcess) {
  auto rx = StartPrescription(front_->address());
  ASSERT_NE(rx, nullptr);
  const std::string patient = patients_->Create("Remote");
  const v1::Assessment assessment =
      patients_->Assess(patient, Intake::kReduced);

  v1::Plan plan;
  grpc::Status s = Assign(*rx, practitioner_, patient, &plan);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(plan.assessment(), assessment.name());
  EXPECT_EQ(plan.plan_template(), assessment.result().starting_plan_template());
  EXPECT_EQ(plan.dose_level(), v1::DOSE_LEVEL_REDUCED);
  EXPECT_EQ(plan.state(), v1::Plan::STATE_ACTIVE);

  // IntakeService's verdicts travel back with their details.
  const std::string unassessed = patients_->Create("Unassessed");
  s = Assign(*rx, practitioner_, unassessed, &plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Preconditions(s),
            std::vector<std::string>{"ASSESSMENT " + unassessed});
  s = Assign(*rx, practitioner_, "patients/nosuchpatient0002", &plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << s.error_message();

  const std::string flagged = patients_->Assessed(Intake::kRefer, "Flagged");
  s = Assign(*rx, practitioner_, flagged, &plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "REFERRAL_DISPOSITION");
  s = Assign(*rx, practitioner_, flagged, &plan, absl::Seconds(10),
             "specialist cleared the patient");
  EXPECT_TRUE(s.ok()) << s.error_message();
}

TEST_F(MicroserviceTest, TheCallersCredentialsAreForwardedToIntake) {
  auto rx = StartPrescription(front_->address());
  ASSERT_NE(rx, nullptr);
  const std::string patient = patients_->Assessed(Intake::kStandard, "Ours");
  // Another clinic's admin may assign plans, but IntakeService, asked with
  // their token, does not show them our patient.
  const std::string other = front_->OtherClinicAdminToken("Mission Viejo");
  v1::Plan plan;
  grpc::Status s = Assign(*rx, other, patient, &plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << s.error_message();
  // And a front desk token is refused before anything is read.
  const std::string front_desk =
      front_->StaffToken(v1::ROLE_FRONT_DESK, "Desk");
  EXPECT_EQ(Assign(*rx, front_desk, patient, &plan).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(MicroserviceTest, IntakeDownIsUnavailableQuickly) {
  auto rx = StartPrescription(absl::StrCat("127.0.0.1:", PickFreePort()));
  ASSERT_NE(rx, nullptr);
  const std::string patient = patients_->Assessed(Intake::kStandard, "Down");
  v1::Plan plan;
  const absl::Time start = absl::Now();
  grpc::Status s =
      Assign(*rx, practitioner_, patient, &plan, absl::Seconds(10));
  const absl::Duration took = absl::Now() - start;
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
  EXPECT_EQ(ReasonOf(s), "INTAKE_UNAVAILABLE");
  EXPECT_LT(took, absl::Seconds(3));
  // What needs no intake keeps working.
  v1::ListExercisesResponse exercises;
  EXPECT_TRUE(Stub(*rx)
                  ->ListExercises(Context(practitioner_).get(), {}, &exercises)
                  .ok());
  EXPECT_EQ(exercises.exercises_size(), 20);
}

TEST_F(MicroserviceTest, SilentIntakeIsUnavailableBeforeTheCallersDeadline) {
  SilentListener silent;
  auto rx = StartPrescription(silent.address());
  ASSERT_NE(rx, nullptr);
  const std::string patient = patients_->Assessed(Intake::kStandard, "Silent");
  v1::Plan plan;
  const absl::Duration deadline = absl::Seconds(2);
  const absl::Time start = absl::Now();
  grpc::Status s = Assign(*rx, practitioner_, patient, &plan, deadline);
  const absl::Duration took = absl::Now() - start;
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
  EXPECT_LT(took, deadline);
}

}  // namespace
}  // namespace corebalance::test
