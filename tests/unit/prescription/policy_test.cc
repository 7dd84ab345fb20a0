#include "services/prescription/policy.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "services/prescription/convert.h"
#include "services/prescription/names.h"

namespace corebalance::prescription {
namespace {

TEST(DoseRulesFromConfig, AnEmptyPolicyIsTheReferenceDefaults) {
  auto rules = DoseRulesFromConfig({});
  ASSERT_TRUE(rules.ok()) << rules.status();
  const Dose standard{
      .sets = 2, .reps = 10, .hold_seconds = 10, .duration_minutes = 30};
  EXPECT_EQ(ReduceDose(standard, rules->reduced), ReduceDose(standard));
  EXPECT_EQ(rules->limits.max_frequency_per_week,
            DoseLimits{}.max_frequency_per_week);
  EXPECT_EQ(rules->limits.max_hold_seconds, DoseLimits{}.max_hold_seconds);
}

TEST(DoseRulesFromConfig, SetFieldsReplaceDefaultsZeroIncluded) {
  config::v1::PrescriptionPolicy policy;
  policy.set_reduced_sets_decrease(0);
  policy.set_reduced_reps_percent(50);
  policy.set_max_hold_seconds(120);
  auto rules = DoseRulesFromConfig(policy);
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_EQ(rules->reduced.sets_decrease, 0);
  EXPECT_EQ(rules->reduced.reps_percent, 50);
  EXPECT_EQ(rules->reduced.hold_percent, ReducedDosePolicy{}.hold_percent);
  EXPECT_EQ(rules->limits.max_hold_seconds, 120);
}

TEST(DoseRulesFromConfig, NonsenseNamesTheField) {
  config::v1::PrescriptionPolicy policy;
  policy.set_reduced_reps_percent(0);
  auto rules = DoseRulesFromConfig(policy);
  EXPECT_EQ(rules.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(rules.status().message(),
                                "prescription.reducedRepsPercent"))
      << rules.status();
  config::v1::PrescriptionPolicy limits;
  limits.set_max_frequency_per_week(-1);
  EXPECT_FALSE(DoseRulesFromConfig(limits).ok());
}

TEST(Etag, RoundTripsAndRejectsStrangers) {
  EXPECT_EQ(RevisionOfEtag(Etag(7)), 7);
  EXPECT_EQ(RevisionOfEtag("W/" + Etag(3)), 3);
  EXPECT_EQ(RevisionOfEtag("7"), std::nullopt);
  EXPECT_EQ(RevisionOfEtag("\"r0\""), std::nullopt);
  EXPECT_EQ(RevisionOfEtag(""), std::nullopt);
}

TEST(ParsePlanName, AcceptsOnlyPlanNames) {
  auto key = ParsePlanName("patients/abc123/plans/def456");
  ASSERT_TRUE(key);
  EXPECT_EQ(key->patient_id, "abc123");
  EXPECT_EQ(key->plan_id, "def456");
  EXPECT_EQ(PlanName(key->patient_id, key->plan_id),
            "patients/abc123/plans/def456");
  for (const char* bad :
       {"patients/abc123", "patients/abc123/plans/", "plans/x/patients/y",
        "patients/ABC/plans/def", "patients/a/plans/b/revisions/1"}) {
    EXPECT_FALSE(ParsePlanName(bad)) << bad;
  }
}

}  // namespace
}  // namespace corebalance::prescription
