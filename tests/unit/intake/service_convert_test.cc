// The intake service's pure conversions: proto enums to scoring enums,
// dates, update masks, etags and page cursors.

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "services/intake/assessment_convert.h"
#include "services/intake/convert.h"
#include "services/intake/dates.h"
#include "services/intake/names.h"
#include "services/intake/patient_fields.h"
#include "services/intake/policy.h"

namespace corebalance::intake {
namespace {

TEST(RedFlagMapping, EveryProtoFlagMapsToTheScoringFlagOfTheSameName) {
  int mapped = 0;
  for (int value = 1; v1::RedFlag_IsValid(value); ++value) {
    const auto flag = RedFlagFromProto(value);
    ASSERT_TRUE(flag.has_value()) << value;
    EXPECT_EQ(
        v1::RedFlag_Name(static_cast<v1::RedFlag>(value)),
        absl::StrCat("RED_FLAG_", std::string(InfoFor(*flag).upper_name)));
    EXPECT_EQ(RedFlagToProto(*flag), value);
    ++mapped;
  }
  EXPECT_EQ(mapped, static_cast<int>(AllRedFlags().size()));
}

TEST(RedFlagMapping, UnspecifiedAndUnknownValuesAreRejected) {
  EXPECT_FALSE(RedFlagFromProto(v1::RED_FLAG_UNSPECIFIED).has_value());
  EXPECT_FALSE(RedFlagFromProto(v1::RedFlag_MAX + 1).has_value());
  EXPECT_FALSE(RedFlagFromProto(-1).has_value());
}

TEST(Dates, UnsetIsNoDateAndImpossibleDatesAreViolations) {
  FieldViolations v;
  EXPECT_FALSE(DateFromProto(google::type::Date(), "d", v).has_value());
  EXPECT_TRUE(v.empty());

  google::type::Date feb30;
  feb30.set_year(2025);
  feb30.set_month(2);
  feb30.set_day(30);
  EXPECT_FALSE(DateFromProto(feb30, "patient.birth_date", v).has_value());
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].field, "patient.birth_date");

  google::type::Date leap = feb30;
  leap.set_year(2024);
  leap.set_day(29);
  v.clear();
  EXPECT_EQ(DateFromProto(leap, "d", v), absl::CivilDay(2024, 2, 29));
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(DateFromProto(DateToProto(absl::CivilDay(1999, 12, 31)), "d", v),
            absl::CivilDay(1999, 12, 31));
}

TEST(UpdateMask, StarMeansEveryUpdatableFieldAndOthersAreNamed) {
  FieldViolations v;
  google::protobuf::FieldMask mask;
  mask.add_paths("*");
  EXPECT_EQ(ParseUpdateMask(mask, v), AllPatientFields());
  EXPECT_TRUE(v.empty());

  mask.Clear();
  mask.add_paths("email");
  mask.add_paths("etag");
  const PatientFields fields = ParseUpdateMask(mask, v);
  EXPECT_EQ(fields, PatientFields{PatientField::kEmail});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].field, "update_mask.paths[1]");
}

TEST(Etag, RoundTripsAndAMalformedOneNeverMatches) {
  auto revision = RevisionFromEtag(Etag(42), "patients/p");
  ASSERT_TRUE(revision.ok());
  EXPECT_EQ(*revision, 42);
  auto none = RevisionFromEtag("", "patients/p");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_EQ(RevisionFromEtag("W/\"42\"", "patients/p").status().code(),
            absl::StatusCode::kAborted);
}

TEST(PageCursor, PatientNamesOfAnyCharactersRoundTrip) {
  PatientRecord last;
  last.family_name = "O'Brien.|Ñúñez 🙂";
  last.given_name = "";
  last.id = "abc123";
  const std::string token = PatientPageToken(last, "filters");
  auto cursor = PatientCursorFromToken(token, "filters");
  ASSERT_TRUE(cursor.ok()) << cursor.status();
  ASSERT_TRUE(cursor->has_value());
  EXPECT_EQ((*cursor)->family_name, last.family_name);
  EXPECT_EQ((*cursor)->given_name, last.given_name);
  EXPECT_EQ((*cursor)->id, last.id);
  EXPECT_EQ(PatientCursorFromToken(token, "other").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(PatientCursorFromToken("garbage", "filters").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(Names, AssessmentNamesParseOnlyInFull) {
  auto id = ParseAssessmentName(AssessmentName("p1", "a1"));
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->patient_id, "p1");
  EXPECT_EQ(id->assessment_id, "a1");
  EXPECT_FALSE(ParseAssessmentName("patients/p1").has_value());
  EXPECT_FALSE(ParseAssessmentName("patients/p1/notes/a1").has_value());
  EXPECT_FALSE(ParseAssessmentName("patients//assessments/a1").has_value());
  EXPECT_EQ(ParsePatientName("patients/p1"), "p1");
  EXPECT_EQ(ParsePatientName("patients/p1/assessments/a1"), "");
}

TEST(Policy, AnEmptyConfigGivesTheReferenceDefaults) {
  auto policy = ScoringPolicyFromConfig(config::v1::IntakePolicy());
  ASSERT_TRUE(policy.ok());
  const ScoringPolicy defaults;
  EXPECT_EQ(policy->acute_below_weeks, defaults.acute_below_weeks);
  EXPECT_EQ(policy->chronic_above_weeks, defaults.chronic_above_weeks);
  EXPECT_EQ(policy->min_odi_sections, defaults.min_odi_sections);
  EXPECT_EQ(policy->starting_phase, defaults.starting_phase);
  EXPECT_EQ(policy->odi_important_change.points,
            defaults.odi_important_change.points);
}

TEST(Policy, AnExplicitZeroIsUsedAsGivenAndChecked) {
  config::v1::IntakePolicy config;
  config.set_reduced_dose_odi_above_percent(0);  // valid: any disability
  auto policy = ScoringPolicyFromConfig(config);
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->reduced_dose_odi_above_percent, 0);

  config.mutable_odi_important_change()->set_points(0);
  EXPECT_EQ(ScoringPolicyFromConfig(config).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace corebalance::intake
