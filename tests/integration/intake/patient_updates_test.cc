// Changing patients through the real API: updates with etags, archive and
// restore, the assigned practitioner.

#include <atomic>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/integration/intake/intake_fixture.h"

namespace corebalance::test {
namespace {

using PatientUpdatesTest = IntakeTest;

TEST_F(PatientUpdatesTest,
       UpdateChangesOnlyMaskedFieldsAndNeedsTheCurrentEtag) {
  v1::Patient p = CreatePatient("Jon", "Smith");
  v1::UpdatePatientRequest update;
  *update.mutable_patient() = p;
  update.mutable_patient()->set_given_name("John");
  update.mutable_patient()->set_family_name("IGNORED: not in the mask");
  update.mutable_update_mask()->add_paths("given_name");
  v1::Patient updated;
  grpc::Status s =
      Stub()->UpdatePatient(Context(Practitioner()).get(), update, &updated);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(updated.given_name(), "John");
  EXPECT_EQ(updated.family_name(), "Smith");
  EXPECT_NE(updated.etag(), p.etag());

  // The first etag is stale now.
  update.mutable_patient()->set_given_name("Johnny");
  s = Stub()->UpdatePatient(Context(Practitioner()).get(), update, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  v1::GetPatientRequest get;
  get.set_name(p.name());
  v1::Patient read;
  ASSERT_TRUE(
      Stub()->GetPatient(Context(Practitioner()).get(), get, &read).ok());
  EXPECT_EQ(read.given_name(), "John");

  // Without an etag the update applies to whatever is current.
  update.mutable_patient()->clear_etag();
  ASSERT_TRUE(
      Stub()
          ->UpdatePatient(Context(Practitioner()).get(), update, &updated)
          .ok());
  EXPECT_EQ(updated.given_name(), "Johnny");
}

TEST_F(PatientUpdatesTest, ConcurrentUpdatesWithTheSameEtagExactlyOneWins) {
  v1::Patient p = CreatePatient("Race", "Condition");
  constexpr int kWriters = 8;
  std::atomic<int> ok{0}, aborted{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kWriters; ++i) {
    threads.emplace_back([&, i] {
      v1::UpdatePatientRequest update;
      *update.mutable_patient() = p;
      update.mutable_patient()->set_phone(absl::StrCat("555-010", i));
      update.mutable_update_mask()->add_paths("phone");
      v1::Patient out;
      grpc::Status s =
          Stub()->UpdatePatient(Context(Practitioner()).get(), update, &out);
      if (s.ok()) {
        ++ok;
      } else if (s.error_code() == grpc::StatusCode::ABORTED) {
        ++aborted;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(aborted.load(), kWriters - 1);
  EXPECT_EQ(other.load(), 0);
}

TEST_F(PatientUpdatesTest, ArchiveHidesFromDefaultListAndRestoreBringsBack) {
  v1::Patient p = CreatePatient("Archie", "Vault");
  auto listed = [&](v1::Patient::State state) {
    v1::ListPatientsRequest list;
    list.set_name_contains("Vault");
    list.set_state(state);
    v1::ListPatientsResponse found;
    EXPECT_TRUE(
        Stub()->ListPatients(Context(Practitioner()).get(), list, &found).ok());
    return found.patients_size();
  };
  EXPECT_EQ(listed(v1::Patient::STATE_UNSPECIFIED), 1);

  v1::ArchivePatientRequest archive;
  archive.set_name(p.name());
  archive.set_etag(p.etag());
  v1::Patient archived;
  ASSERT_TRUE(
      Stub()
          ->ArchivePatient(Context(Practitioner()).get(), archive, &archived)
          .ok());
  EXPECT_EQ(archived.state(), v1::Patient::STATE_ARCHIVED);
  EXPECT_EQ(listed(v1::Patient::STATE_UNSPECIFIED), 0);
  EXPECT_EQ(listed(v1::Patient::STATE_ACTIVE), 0);
  EXPECT_EQ(listed(v1::Patient::STATE_ARCHIVED), 1);
  // Still readable: nothing is deleted.
  v1::GetPatientRequest get;
  get.set_name(p.name());
  v1::Patient read;
  ASSERT_TRUE(
      Stub()->GetPatient(Context(Practitioner()).get(), get, &read).ok());
  EXPECT_EQ(read.state(), v1::Patient::STATE_ARCHIVED);
  // A stale etag is refused.
  v1::RestorePatientRequest restore;
  restore.set_name(p.name());
  restore.set_etag(p.etag());
  v1::Patient restored;
  EXPECT_EQ(
      Stub()
          ->RestorePatient(Context(Practitioner()).get(), restore, &restored)
          .error_code(),
      grpc::StatusCode::ABORTED);

  restore.set_etag(archived.etag());
  ASSERT_TRUE(
      Stub()
          ->RestorePatient(Context(Practitioner()).get(), restore, &restored)
          .ok());
  EXPECT_EQ(restored.state(), v1::Patient::STATE_ACTIVE);
  EXPECT_EQ(listed(v1::Patient::STATE_UNSPECIFIED), 1);
}

TEST_F(PatientUpdatesTest, AssignedPractitionerMustBeAnActiveClinician) {
  const std::string front_desk =
      server_->StaffToken(v1::ROLE_FRONT_DESK, "Desk");
  auto access = v1::AccessService::NewStub(server_->channel());
  v1::CallerIdentity desk;
  ASSERT_TRUE(
      access->GetCallerIdentity(Context(front_desk).get(), {}, &desk).ok());

  for (const std::string& name :
       {std::string("staffMembers/doesnotexist1234"), desk.principal()}) {
    v1::CreatePatientRequest request;
    request.mutable_patient()->set_given_name("Assigned");
    request.mutable_patient()->set_family_name("Wrongly");
    request.mutable_patient()->set_assigned_practitioner(name);
    v1::Patient created;
    grpc::Status s =
        Stub()->CreatePatient(Context(Practitioner()).get(), request, &created);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << name;
    EXPECT_EQ(Violations(s).count("patient.assigned_practitioner"), 1u) << name;
  }

  // Another clinic's practitioner is not one of ours.
  const std::string other_admin = server_->OtherClinicAdminToken();
  v1::CallerIdentity other;
  ASSERT_TRUE(
      access->GetCallerIdentity(Context(other_admin).get(), {}, &other).ok());
  v1::Patient p = CreatePatient("Assigned", "Elsewhere");
  v1::UpdatePatientRequest update;
  *update.mutable_patient() = p;
  update.mutable_patient()->set_assigned_practitioner(other.principal());
  update.mutable_update_mask()->add_paths("assigned_practitioner");
  v1::Patient updated;
  grpc::Status s =
      Stub()->UpdatePatient(Context(Practitioner()).get(), update, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("patient.assigned_practitioner"), 1u);
}

TEST_F(PatientUpdatesTest, UpdateRejectsBadMasksAndValues) {
  v1::Patient p = CreatePatient("Mask", "Checker");
  v1::UpdatePatientRequest update;
  *update.mutable_patient() = p;
  update.mutable_patient()->set_family_name("");
  update.mutable_update_mask()->add_paths("family_name");
  update.mutable_update_mask()->add_paths("state");
  v1::Patient updated;
  grpc::Status s =
      Stub()->UpdatePatient(Context(Practitioner()).get(), update, &updated);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const auto v = Violations(s);
  EXPECT_EQ(v.count("patient.family_name"), 1u);
  EXPECT_EQ(v.count("update_mask.paths[1]"), 1u);

  update.clear_update_mask();
  s = Stub()->UpdatePatient(Context(Practitioner()).get(), update, &updated);
  EXPECT_EQ(Violations(s).count("update_mask"), 1u);

  v1::GetPatientRequest get;
  get.set_name(p.name());
  v1::Patient read;
  ASSERT_TRUE(
      Stub()->GetPatient(Context(Practitioner()).get(), get, &read).ok());
  EXPECT_EQ(read.family_name(), "Checker");
  EXPECT_EQ(read.etag(), p.etag());
}

}  // namespace
}  // namespace corebalance::test
