// The write path under hostile input (issue #12): over-long values fail only
// their own call, every stored write has exactly one audit event, and a
// reused request id never answers with another patient's record.

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/integration/intake/intake_fixture.h"

namespace corebalance::test {
namespace {

using OutboxTest = IntakeTest;

TEST_F(OutboxTest, OverLongInputFailsOnlyItsOwnCallAndEveryWriteIsAudited) {
  const v1::Patient seeded = CreatePatient("Ana", "Storm");
  std::atomic<bool> stop{false};
  std::atomic<int> long_refused{0};
  // One caller keeps sending over-long names and request ids.
  std::thread attacker([&] {
    while (!stop) {
      v1::GetPatientRequest get;
      get.set_name(std::string(5000, 'x'));
      v1::Patient p;
      grpc::Status s =
          Stub()->GetPatient(Context(Practitioner()).get(), get, &p);
      if (s.error_code() == grpc::StatusCode::INVALID_ARGUMENT &&
          Violations(s).count("name")) {
        ++long_refused;
      }
      v1::CreatePatientRequest create;
      create.set_request_id(std::string(10000, 'r'));
      create.mutable_patient()->set_given_name("Never");
      create.mutable_patient()->set_family_name("Stored");
      grpc::Status c =
          Stub()->CreatePatient(Context(Practitioner()).get(), create, &p);
      if (c.error_code() == grpc::StatusCode::INVALID_ARGUMENT &&
          Violations(c).count("request_id")) {
        ++long_refused;
      }
    }
  });
  // Meanwhile the clinic's practitioners read and write.
  std::vector<std::string> created;
  std::mutex mu;
  std::atomic<int> failures{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] {
      for (int i = 0; i < 10; ++i) {
        v1::GetPatientRequest get;
        get.set_name(seeded.name());
        v1::Patient p;
        if (!Stub()->GetPatient(Context(Practitioner()).get(), get, &p).ok()) {
          ++failures;
        }
        v1::CreatePatientRequest create;
        create.mutable_patient()->set_given_name(absl::StrCat("W", w, "n", i));
        create.mutable_patient()->set_family_name("Calm");
        if (Stub()
                ->CreatePatient(Context(Practitioner()).get(), create, &p)
                .ok()) {
          std::lock_guard<std::mutex> lock(mu);
          created.push_back(p.name());
        } else {
          ++failures;
        }
      }
    });
  }
  for (auto& t : workers) t.join();
  stop = true;
  attacker.join();

  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(long_refused.load(), 0);
  ASSERT_EQ(created.size(), 40u);
  for (const std::string& name : created) {
    int creates = 0;
    for (const auto& e : AuditEventsOf(*server_, name)) {
      if (e.action() == "corebalance.v1.IntakeService/CreatePatient") ++creates;
    }
    EXPECT_EQ(creates, 1) << name;
  }
}

TEST_F(OutboxTest, ARefusedOverLongNameIsAuditedCutWithItsHash) {
  v1::GetPatientRequest get;
  get.set_name("patients/" + std::string(3000, 'q'));
  v1::Patient p;
  grpc::Status s = Stub()->GetPatient(Context(Practitioner()).get(), get, &p);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(s).count("name"));
  // The message names the bound, never echoes the value.
  EXPECT_LT(s.error_message().size(), 300u) << s.error_message();

  WaitForAuditRelay(*server_);
  auto access = v1::AccessService::NewStub(server_->channel());
  v1::ListAuditEventsRequest request;
  request.set_page_size(50);
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(access
                  ->ListAuditEvents(Context(server_->admin_token()).get(),
                                    request, &events)
                  .ok());
  bool found = false;
  for (const auto& e : events.audit_events()) {
    if (e.action() == "corebalance.v1.IntakeService/GetPatient" &&
        e.status_code() == "INVALID_ARGUMENT" &&
        absl::StrContains(e.resource(), "chars sha256:")) {
      found = true;
      EXPECT_LE(e.resource().size(), 300u);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(OutboxTest, AReusedRequestIdNeverAnswersWithAnotherPatientsRecord) {
  const v1::Patient a = CreatePatient("Ada", "First");
  const v1::Patient b = CreatePatient("Bo", "Second");
  v1::Assessment first;
  ASSERT_TRUE(
      Submit(Practitioner(), a.name(), InitialAssessment(), &first, "rid-1")
          .ok());
  // The same id for patient B: refused, naming request_id.
  v1::Assessment other;
  grpc::Status s =
      Submit(Practitioner(), b.name(), InitialAssessment(), &other, "rid-1");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(s).count("request_id")) << s.error_message();
  EXPECT_EQ(other.name(), "");
  // The same id for A with a changed body: refused too.
  s = Submit(Practitioner(), a.name(), InitialAssessment(3), &other, "rid-1");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(s).count("request_id"));
  // A true retry gets the first assessment back.
  v1::Assessment again;
  ASSERT_TRUE(
      Submit(Practitioner(), a.name(), InitialAssessment(), &again, "rid-1")
          .ok());
  EXPECT_EQ(again.name(), first.name());
}

}  // namespace
}  // namespace corebalance::test
