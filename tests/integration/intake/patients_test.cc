// Patients through the real API: create, read, list, update, archive.

#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "tests/integration/intake/intake_fixture.h"

namespace corebalance::test {
namespace {

using PatientsTest = IntakeTest;

TEST_F(PatientsTest, CreateThenGetReturnsWhatWasStored) {
  v1::CreatePatientRequest request;
  v1::Patient& in = *request.mutable_patient();
  in.set_given_name("Maria");
  in.set_family_name("Lopez");
  in.mutable_birth_date()->set_year(1968);
  in.mutable_birth_date()->set_month(4);
  in.mutable_birth_date()->set_day(30);
  in.set_sex(v1::Patient::SEX_FEMALE);
  in.set_phone("+1 (949) 555-0100");
  in.set_email("maria@example.com");
  in.set_assigned_practitioner(PractitionerName());
  in.set_name("patients/chosen-by-client");  // output only: ignored
  v1::Patient created;
  grpc::Status s =
      Stub()->CreatePatient(Context(Practitioner()).get(), request, &created);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(created.name().rfind("patients/", 0), 0u);
  EXPECT_NE(created.name(), "patients/chosen-by-client");
  EXPECT_EQ(created.state(), v1::Patient::STATE_ACTIVE);
  EXPECT_FALSE(created.etag().empty());
  EXPECT_GT(created.create_time().seconds(), 0);

  v1::GetPatientRequest get;
  get.set_name(created.name());
  v1::Patient read;
  ASSERT_TRUE(
      Stub()->GetPatient(Context(Practitioner()).get(), get, &read).ok());
  EXPECT_EQ(read.given_name(), "Maria");
  EXPECT_EQ(read.family_name(), "Lopez");
  EXPECT_EQ(read.birth_date().year(), 1968);
  EXPECT_EQ(read.birth_date().month(), 4);
  EXPECT_EQ(read.birth_date().day(), 30);
  EXPECT_EQ(read.sex(), v1::Patient::SEX_FEMALE);
  EXPECT_EQ(read.phone(), "+1 (949) 555-0100");
  EXPECT_EQ(read.email(), "maria@example.com");
  EXPECT_EQ(read.assigned_practitioner(), PractitionerName());
  EXPECT_EQ(read.etag(), created.etag());
}

TEST_F(PatientsTest, NamesAreStoredAndReturnedVerbatim) {
  const std::vector<std::pair<std::string, std::string>> names = {
      {"Zoë", "O'Brien-Ñúñez"},
      {"\"Bobby\" Robert'); DROP TABLE intake_patients;--", "Tables"},
      {"明", "王"},
      {"Ahmad 🙂", "العلي"},
      {"  padded  ", "x%_!\\y"},
  };
  for (const auto& [given, family] : names) {
    v1::Patient created = CreatePatient(given, family);
    v1::GetPatientRequest get;
    get.set_name(created.name());
    v1::Patient read;
    ASSERT_TRUE(
        Stub()->GetPatient(Context(Practitioner()).get(), get, &read).ok());
    EXPECT_EQ(read.given_name(), given);
    EXPECT_EQ(read.family_name(), family);
  }
  // The table is still there and the search treats % _ ! as plain text.
  v1::ListPatientsRequest list;
  list.set_name_contains("%_!\\");
  v1::ListPatientsResponse found;
  ASSERT_TRUE(
      Stub()->ListPatients(Context(Practitioner()).get(), list, &found).ok());
  ASSERT_EQ(found.patients_size(), 1);
  EXPECT_EQ(found.patients(0).family_name(), "x%_!\\y");
}

TEST_F(PatientsTest, RetriedCreateWithSameRequestIdCreatesOnce) {
  v1::CreatePatientRequest request;
  request.mutable_patient()->set_given_name("Retry");
  request.mutable_patient()->set_family_name("Idempotent");
  request.set_request_id("b7f4c2d0-create-retry");
  // Sequential retries, then a burst of concurrent ones.
  v1::Patient first, second;
  ASSERT_TRUE(
      Stub()
          ->CreatePatient(Context(Practitioner()).get(), request, &first)
          .ok());
  ASSERT_TRUE(
      Stub()
          ->CreatePatient(Context(Practitioner()).get(), request, &second)
          .ok());
  EXPECT_EQ(first.name(), second.name());

  request.set_request_id("b7f4c2d0-concurrent");
  std::vector<std::string> names(6);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < names.size(); ++i) {
    threads.emplace_back([&, i] {
      v1::Patient p;
      grpc::Status s =
          Stub()->CreatePatient(Context(Practitioner()).get(), request, &p);
      names[i] = s.ok() ? p.name() : "error: " + s.error_message();
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& n : names) EXPECT_EQ(n, names[0]);

  v1::ListPatientsRequest list;
  list.set_name_contains("Idempotent");
  v1::ListPatientsResponse found;
  ASSERT_TRUE(
      Stub()->ListPatients(Context(Practitioner()).get(), list, &found).ok());
  EXPECT_EQ(found.patients_size(), 2);  // one per request id
}

TEST_F(PatientsTest, PagingThrough250PatientsReturnsEachExactlyOnce) {
  std::set<std::string> created;
  std::mutex mu;
  std::vector<std::thread> threads;
  for (int t = 0; t < 5; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < 250; i += 5) {
        // Many share a family name, so the order falls back on given name
        // and then id.
        v1::Patient p = CreatePatient(absl::StrCat("Given", i % 7),
                                      absl::StrCat("Family", i % 13));
        std::lock_guard<std::mutex> lock(mu);
        created.insert(p.name());
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(created.size(), 250u);

  std::multiset<std::string> seen;
  std::vector<v1::Patient> in_order;
  v1::ListPatientsRequest request;
  request.set_page_size(40);
  int pages = 0;
  do {
    v1::ListPatientsResponse page;
    grpc::Status s =
        Stub()->ListPatients(Context(Practitioner()).get(), request, &page);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_LE(page.patients_size(), 40);
    for (const auto& p : page.patients()) {
      seen.insert(p.name());
      in_order.push_back(p);
    }
    request.set_page_token(page.next_page_token());
    ++pages;
  } while (!request.page_token().empty() && pages < 100);
  EXPECT_EQ(pages, 7);  // 250 / 40, rounded up
  EXPECT_EQ(seen.size(), 250u);
  for (const auto& name : created) EXPECT_EQ(seen.count(name), 1u) << name;
  // Ordered by family name, then given name (then id).
  for (size_t i = 1; i < in_order.size(); ++i) {
    const auto& a = in_order[i - 1];
    const auto& b = in_order[i];
    EXPECT_LE(std::make_pair(a.family_name(), a.given_name()),
              std::make_pair(b.family_name(), b.given_name()))
        << i;
  }
}

TEST_F(PatientsTest, ListFiltersByNameAndPractitioner) {
  CreatePatient("Anna", "Schmidt");
  CreatePatient("Hannah", "Berg");
  v1::CreatePatientRequest assigned;
  assigned.mutable_patient()->set_given_name("Otto");
  assigned.mutable_patient()->set_family_name("Mann");
  assigned.mutable_patient()->set_assigned_practitioner(PractitionerName());
  v1::Patient otto;
  ASSERT_TRUE(
      Stub()
          ->CreatePatient(Context(Practitioner()).get(), assigned, &otto)
          .ok());

  v1::ListPatientsRequest by_name;
  by_name.set_name_contains("ANN");  // case-insensitive, given or family
  v1::ListPatientsResponse found;
  ASSERT_TRUE(Stub()
                  ->ListPatients(Context(Practitioner()).get(), by_name, &found)
                  .ok());
  std::set<std::string> given;
  for (const auto& p : found.patients()) given.insert(p.given_name());
  EXPECT_EQ(given, (std::set<std::string>{"Anna", "Hannah", "Otto"}));

  v1::ListPatientsRequest by_practitioner;
  by_practitioner.set_assigned_practitioner(PractitionerName());
  ASSERT_TRUE(
      Stub()
          ->ListPatients(Context(Practitioner()).get(), by_practitioner, &found)
          .ok());
  ASSERT_EQ(found.patients_size(), 1);
  EXPECT_EQ(found.patients(0).name(), otto.name());

  // A token issued for other filters is refused.
  by_name.set_page_size(1);
  ASSERT_TRUE(Stub()
                  ->ListPatients(Context(Practitioner()).get(), by_name, &found)
                  .ok());
  ASSERT_FALSE(found.next_page_token().empty());
  by_practitioner.set_page_token(found.next_page_token());
  grpc::Status s = Stub()->ListPatients(Context(Practitioner()).get(),
                                        by_practitioner, &found);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("page_token"), 1u);
}

TEST_F(PatientsTest, ControlCharactersInNamesAreRefused) {
  for (const std::string& given :
       {std::string("Ana\0Admin", 9), std::string("Ana\nAdmin"),
        std::string("Ana\x1b[2J")}) {
    v1::CreatePatientRequest request;
    request.mutable_patient()->set_given_name(given);
    request.mutable_patient()->set_family_name("Control");
    v1::Patient created;
    grpc::Status s =
        Stub()->CreatePatient(Context(Practitioner()).get(), request, &created);
    ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(Violations(s).count("patient.given_name"), 1u)
        << s.error_message();
  }
  v1::ListPatientsRequest list;
  list.set_name_contains("Control");
  v1::ListPatientsResponse found;
  ASSERT_TRUE(
      Stub()->ListPatients(Context(Practitioner()).get(), list, &found).ok());
  EXPECT_EQ(found.patients_size(), 0);
}

TEST_F(PatientsTest, CreateReportsEveryInvalidFieldAndWritesNothing) {
  v1::CreatePatientRequest request;
  v1::Patient& in = *request.mutable_patient();
  in.set_given_name("Valid");
  in.set_family_name("   ");
  in.set_email("not-an-email");
  in.set_phone("call me maybe");
  const absl::CivilDay tomorrow =
      absl::ToCivilDay(absl::Now() + absl::Hours(48), absl::UTCTimeZone());
  in.mutable_birth_date()->set_year(static_cast<int>(tomorrow.year()));
  in.mutable_birth_date()->set_month(tomorrow.month());
  in.mutable_birth_date()->set_day(tomorrow.day());
  in.set_assigned_practitioner("practitioners/7");
  in.set_sex(static_cast<v1::Patient::Sex>(42));
  v1::Patient created;
  grpc::Status s =
      Stub()->CreatePatient(Context(Practitioner()).get(), request, &created);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const auto v = Violations(s);
  EXPECT_EQ(v.count("patient.family_name"), 1u);
  EXPECT_EQ(v.count("patient.email"), 1u);
  EXPECT_EQ(v.count("patient.phone"), 1u);
  EXPECT_EQ(v.count("patient.birth_date"), 1u);
  EXPECT_EQ(v.count("patient.assigned_practitioner"), 1u);
  EXPECT_EQ(v.count("patient.sex"), 1u);
  EXPECT_EQ(v.count("patient.given_name"), 0u);
  EXPECT_EQ(ReasonOf(s), "INVALID_FIELD");

  v1::CreatePatientRequest missing;
  s = Stub()->CreatePatient(Context(Practitioner()).get(), missing, &created);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("patient"), 1u);

  v1::ListPatientsRequest list;
  list.set_name_contains("Valid");
  v1::ListPatientsResponse found;
  ASSERT_TRUE(
      Stub()->ListPatients(Context(Practitioner()).get(), list, &found).ok());
  EXPECT_EQ(found.patients_size(), 0);
}

TEST_F(PatientsTest, UnknownAndMalformedNames) {
  v1::GetPatientRequest get;
  get.set_name("patients/nosuchpatient0000");
  v1::Patient read;
  grpc::Status s =
      Stub()->GetPatient(Context(Practitioner()).get(), get, &read);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  get.set_name("people/123");
  s = Stub()->GetPatient(Context(Practitioner()).get(), get, &read);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("name"), 1u);
}

}  // namespace
}  // namespace corebalance::test
