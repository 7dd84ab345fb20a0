// Assessments through the real API: scoring by the server, follow-up change,
// corrections, listing, and the refusals.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "tests/integration/intake/intake_fixture.h"

namespace corebalance::test {
namespace {

using AssessmentsTest = IntakeTest;

absl::CivilDay ClinicToday() {
  absl::TimeZone la;
  EXPECT_TRUE(absl::LoadTimeZone("America/Los_Angeles", &la));
  return absl::ToCivilDay(absl::Now(), la);
}

void SetDate(google::type::Date* date, absl::CivilDay day) {
  date->set_year(static_cast<int>(day.year()));
  date->set_month(day.month());
  date->set_day(day.day());
}

// ODI % as the reference defines it: sum / (5 x answered) x 100.
double OdiPercent(int each, int answered = 10) {
  return 100.0 * each * answered / (5.0 * answered);
}

std::vector<v1::Assessment> ListAll(
    const std::string& patient,
    v1::Assessment::Kind kind = v1::Assessment::KIND_UNSPECIFIED) {
  v1::ListAssessmentsRequest request;
  request.set_parent(patient);
  request.set_kind(kind);
  v1::ListAssessmentsResponse response;
  grpc::Status s = IntakeTest::Stub()->ListAssessments(
      Context(IntakeTest::Practitioner()).get(), request, &response);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return {response.assessments().begin(), response.assessments().end()};
}

TEST_F(AssessmentsTest, InitialAssessmentIsScoredByTheServer) {
  v1::Patient p = CreatePatient("Scored", "Initial");
  v1::Assessment in = InitialAssessment(/*odi_each=*/2);
  // Whatever the client claims as the result is ignored.
  in.mutable_result()->set_disposition(v1::AssessmentResult::DISPOSITION_REFER);
  in.mutable_result()->set_odi_percent(99);
  in.set_submitted_by("staffMembers/someone-else");
  v1::Assessment out;
  grpc::Status s = Submit(Practitioner(), p.name(), in, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();

  EXPECT_EQ(out.name().rfind(p.name() + "/assessments/", 0), 0u);
  EXPECT_EQ(out.submitted_by(), PractitionerName());
  EXPECT_EQ(out.odi_version(), "2.1a");
  const absl::CivilDay today = ClinicToday();
  EXPECT_EQ(absl::CivilDay(out.assessment_date().year(),
                           out.assessment_date().month(),
                           out.assessment_date().day()),
            today);
  const v1::AssessmentResult& r = out.result();
  EXPECT_EQ(r.chronicity(), v1::AssessmentResult::CHRONICITY_CHRONIC);
  EXPECT_EQ(r.odi_sections_answered(), 10);
  EXPECT_TRUE(r.odi_scorable());
  EXPECT_DOUBLE_EQ(r.odi_percent(), OdiPercent(2));
  EXPECT_EQ(r.odi_band(), v1::AssessmentResult::ODI_BAND_MODERATE);
  EXPECT_TRUE(r.start_back_screened());
  EXPECT_EQ(r.start_back_total(), 0);
  EXPECT_EQ(r.start_back_risk(), v1::AssessmentResult::START_BACK_RISK_LOW);
  EXPECT_EQ(r.red_flags_present_size(), 0);
  EXPECT_EQ(r.disposition(), v1::AssessmentResult::DISPOSITION_PROCEED);
  EXPECT_FALSE(r.disposition_reasons().empty());
  EXPECT_EQ(r.starting_plan_template(), "planTemplates/foundation");
  EXPECT_EQ(r.dose_level(), v1::DOSE_LEVEL_STANDARD);
  EXPECT_FALSE(r.has_change_from_initial());

  v1::GetAssessmentRequest get;
  get.set_name(out.name());
  v1::Assessment read;
  ASSERT_TRUE(
      Stub()->GetAssessment(Context(Practitioner()).get(), get, &read).ok());
  EXPECT_EQ(read.SerializeAsString(), out.SerializeAsString());
}

TEST_F(AssessmentsTest, RedFlagsReferAndHighDisabilityReducesTheDose) {
  v1::Patient p = CreatePatient("Flagged", "Patient");
  v1::Assessment in = InitialAssessment(/*odi_each=*/3);  // 60 % > 40 %
  in.add_red_flags(v1::RED_FLAG_SADDLE_ANAESTHESIA);
  in.add_red_flags(v1::RED_FLAG_STRUCTURAL_DEFORMITY);
  v1::Assessment out;
  ASSERT_TRUE(Submit(Practitioner(), p.name(), in, &out).ok());
  const v1::AssessmentResult& r = out.result();
  EXPECT_EQ(r.disposition(), v1::AssessmentResult::DISPOSITION_REFER);
  ASSERT_EQ(r.red_flags_present_size(), 2);
  EXPECT_EQ(r.red_flags_present(0), v1::RED_FLAG_SADDLE_ANAESTHESIA);
  EXPECT_EQ(r.red_flags_present(1), v1::RED_FLAG_STRUCTURAL_DEFORMITY);
  EXPECT_EQ(r.disposition_reasons_size(), 2);
  EXPECT_DOUBLE_EQ(r.odi_percent(), OdiPercent(3));
  EXPECT_EQ(r.odi_band(), v1::AssessmentResult::ODI_BAND_SEVERE);
  EXPECT_EQ(r.dose_level(), v1::DOSE_LEVEL_REDUCED);
}

TEST_F(AssessmentsTest, FollowUpComputesTheChangeFromTheLatestInitial) {
  v1::Patient p = CreatePatient("Follow", "Up");
  const absl::CivilDay today = ClinicToday();
  v1::Assessment early = InitialAssessment(/*odi_each=*/4);
  SetDate(early.mutable_assessment_date(), today - 30);
  v1::Assessment early_out;
  ASSERT_TRUE(Submit(Practitioner(), p.name(), early, &early_out).ok());
  v1::Assessment initial = InitialAssessment(/*odi_each=*/2);  // NPRS 6, 40 %
  SetDate(initial.mutable_assessment_date(), today - 14);
  v1::Assessment initial_out;
  ASSERT_TRUE(Submit(Practitioner(), p.name(), initial, &initial_out).ok());

  v1::Assessment follow_up = FollowUpAssessment(/*nprs_now=*/3, /*odi_each=*/1);
  v1::Assessment out;
  grpc::Status s = Submit(Practitioner(), p.name(), follow_up, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_TRUE(out.result().has_change_from_initial());
  const v1::OutcomeChange& change = out.result().change_from_initial();
  EXPECT_EQ(change.initial_assessment(), initial_out.name());
  EXPECT_DOUBLE_EQ(change.nprs().baseline(), 6);
  EXPECT_DOUBLE_EQ(change.nprs().follow_up(), 3);
  EXPECT_DOUBLE_EQ(change.nprs().absolute_change(), -3);
  EXPECT_DOUBLE_EQ(change.nprs().percent_change(), -50);
  EXPECT_TRUE(change.nprs().important_improvement());
  ASSERT_TRUE(change.has_odi());
  EXPECT_DOUBLE_EQ(change.odi().baseline(), OdiPercent(2));
  EXPECT_DOUBLE_EQ(change.odi().follow_up(), OdiPercent(1));
  EXPECT_DOUBLE_EQ(change.odi().absolute_change(),
                   OdiPercent(1) - OdiPercent(2));
  EXPECT_TRUE(change.odi().important_improvement());
  EXPECT_FALSE(out.result().start_back_screened());

  // A follow-up dated before the second INITIAL compares with the first.
  v1::Assessment backdated = FollowUpAssessment(/*nprs_now=*/6, /*odi_each=*/4);
  SetDate(backdated.mutable_assessment_date(), today - 20);
  ASSERT_TRUE(Submit(Practitioner(), p.name(), backdated, &out).ok());
  EXPECT_EQ(out.result().change_from_initial().initial_assessment(),
            early_out.name());
  EXPECT_FALSE(
      out.result().change_from_initial().nprs().important_improvement());
}

TEST_F(AssessmentsTest, FollowUpWithoutInitialIsAFailedPrecondition) {
  v1::Patient p = CreatePatient("No", "Baseline");
  v1::Assessment out;
  grpc::Status s =
      Submit(Practitioner(), p.name(), FollowUpAssessment(4, 2), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "NO_INITIAL_ASSESSMENT");
  EXPECT_EQ(PreconditionTypes(s).size(), 1u);
  EXPECT_TRUE(ListAll(p.name()).empty());
}

TEST_F(AssessmentsTest, BadInputReportsEveryViolationAndWritesNothing) {
  v1::Patient p = CreatePatient("Bad", "Input");
  v1::Assessment in = InitialAssessment();
  in.set_nprs_now(11);
  in.mutable_odi_sections(3)->set_score(6);
  in.add_red_flags(static_cast<v1::RedFlag>(99));
  in.add_red_flags(v1::RED_FLAG_UNSPECIFIED);
  in.add_red_flags(v1::RED_FLAG_NIGHT_PAIN);
  SetDate(in.mutable_pain_onset_date(), ClinicToday() + 3);
  in.set_start_back_answers(2, 7);
  v1::Assessment out;
  grpc::Status s = Submit(Practitioner(), p.name(), in, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const auto v = Violations(s);
  EXPECT_EQ(v.count("assessment.nprs_now"), 1u);
  EXPECT_EQ(v.count("assessment.odi_sections[3]"), 1u);
  EXPECT_EQ(v.count("assessment.red_flags[0]"), 1u);
  EXPECT_EQ(v.count("assessment.red_flags[1]"), 1u);
  EXPECT_EQ(v.count("assessment.red_flags[2]"), 0u);
  EXPECT_EQ(v.count("assessment.pain_onset_date"), 1u);
  EXPECT_EQ(v.count("assessment.start_back_answers[2]"), 1u);
  EXPECT_EQ(v.size(), 6u);

  v1::Assessment eight = InitialAssessment();
  eight.mutable_odi_sections()->RemoveLast();
  eight.mutable_odi_sections()->RemoveLast();
  s = Submit(Practitioner(), p.name(), eight, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("assessment.odi_sections"), 1u);

  v1::Assessment future = InitialAssessment();
  SetDate(future.mutable_assessment_date(), ClinicToday() + 2);
  future.clear_kind();
  s = Submit(Practitioner(), p.name(), future, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("assessment.assessment_date"), 1u);
  EXPECT_EQ(Violations(s).count("assessment.kind"), 1u);

  v1::SubmitAssessmentRequest no_assessment;
  no_assessment.set_parent("not-a-patient");
  s = Stub()->SubmitAssessment(Context(Practitioner()).get(), no_assessment,
                               &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("parent"), 1u);
  EXPECT_EQ(Violations(s).count("assessment"), 1u);

  EXPECT_TRUE(ListAll(p.name()).empty());
}

TEST_F(AssessmentsTest, UnknownPatientIsNotFound) {
  v1::Assessment out;
  EXPECT_EQ(Submit(Practitioner(), "patients/nosuchpatient0000",
                   InitialAssessment(), &out)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::ListAssessmentsRequest list;
  list.set_parent("patients/nosuchpatient0000");
  v1::ListAssessmentsResponse listed;
  EXPECT_EQ(Stub()
                ->ListAssessments(Context(Practitioner()).get(), list, &listed)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(AssessmentsTest, CorrectionSupersedesOnceAndBecomesTheBaseline) {
  v1::Patient p = CreatePatient("Corrected", "Once");
  v1::Assessment wrong_out, right_out, out;
  ASSERT_TRUE(
      Submit(Practitioner(), p.name(), InitialAssessment(4), &wrong_out).ok());
  v1::Assessment right = InitialAssessment(2);
  right.set_supersedes(wrong_out.name());
  ASSERT_TRUE(Submit(Practitioner(), p.name(), right, &right_out).ok());
  EXPECT_EQ(right_out.supersedes(), wrong_out.name());

  // The wrong one is kept, unchanged.
  v1::GetAssessmentRequest get;
  get.set_name(wrong_out.name());
  v1::Assessment read;
  ASSERT_TRUE(
      Stub()->GetAssessment(Context(Practitioner()).get(), get, &read).ok());
  EXPECT_EQ(read.SerializeAsString(), wrong_out.SerializeAsString());

  // It cannot be corrected twice.
  grpc::Status s = Submit(Practitioner(), p.name(), right, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "ALREADY_SUPERSEDED");
  // A correction keeps the kind, and names an assessment of this patient.
  v1::Assessment follow_up = FollowUpAssessment(3, 1);
  follow_up.set_supersedes(right_out.name());
  s = Submit(Practitioner(), p.name(), follow_up, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Violations(s).count("assessment.supersedes"), 1u);
  v1::Patient other = CreatePatient("Other", "Patient");
  v1::Assessment elsewhere = InitialAssessment();
  elsewhere.set_supersedes(right_out.name());
  s = Submit(Practitioner(), other.name(), elsewhere, &out);
  EXPECT_EQ(Violations(s).count("assessment.supersedes"), 1u);

  // Follow-ups compare with the correction.
  ASSERT_TRUE(
      Submit(Practitioner(), p.name(), FollowUpAssessment(3, 1), &out).ok());
  EXPECT_EQ(out.result().change_from_initial().initial_assessment(),
            right_out.name());
}

TEST_F(AssessmentsTest, ListIsNewestFirstPagedAndFilteredByKind) {
  v1::Patient p = CreatePatient("Many", "Assessments");
  const absl::CivilDay today = ClinicToday();
  std::vector<std::string> newest_first;
  for (int days_ago : {40, 30, 20, 10, 0}) {
    v1::Assessment a =
        days_ago == 40 ? InitialAssessment() : FollowUpAssessment(5, 2);
    SetDate(a.mutable_assessment_date(), today - days_ago);
    v1::Assessment out;
    ASSERT_TRUE(Submit(Practitioner(), p.name(), a, &out).ok());
    newest_first.insert(newest_first.begin(), out.name());
  }
  std::vector<std::string> seen;
  v1::ListAssessmentsRequest request;
  request.set_parent(p.name());
  request.set_page_size(2);
  int pages = 0;
  do {
    v1::ListAssessmentsResponse page;
    ASSERT_TRUE(
        Stub()
            ->ListAssessments(Context(Practitioner()).get(), request, &page)
            .ok());
    for (const auto& a : page.assessments()) seen.push_back(a.name());
    request.set_page_token(page.next_page_token());
    ++pages;
  } while (!request.page_token().empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, newest_first);

  auto initial = ListAll(p.name(), v1::Assessment::KIND_INITIAL);
  ASSERT_EQ(initial.size(), 1u);
  EXPECT_EQ(initial[0].name(), newest_first.back());
  EXPECT_EQ(ListAll(p.name(), v1::Assessment::KIND_FOLLOW_UP).size(), 4u);
}

TEST_F(AssessmentsTest, RetriedSubmitWithSameRequestIdRecordsOnce) {
  v1::Patient p = CreatePatient("Retried", "Submit");
  v1::Assessment first, second;
  ASSERT_TRUE(
      Submit(Practitioner(), p.name(), InitialAssessment(), &first, "sub-1")
          .ok());
  ASSERT_TRUE(
      Submit(Practitioner(), p.name(), InitialAssessment(), &second, "sub-1")
          .ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_EQ(ListAll(p.name()).size(), 1u);
}

TEST_F(AssessmentsTest, ArchivedPatientTakesNoNewAssessments) {
  v1::Patient p = CreatePatient("Archived", "Patient");
  v1::ArchivePatientRequest archive;
  archive.set_name(p.name());
  v1::Patient archived;
  ASSERT_TRUE(
      Stub()
          ->ArchivePatient(Context(Practitioner()).get(), archive, &archived)
          .ok());
  v1::Assessment out;
  grpc::Status s = Submit(Practitioner(), p.name(), InitialAssessment(), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(s), "PATIENT_ARCHIVED");
}

}  // namespace
}  // namespace corebalance::test
