#include "services/intake/rules/scoring_policy.h"

#include <functional>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::intake {
namespace {

TEST(ScoringPolicy, DefaultsAreTheReferenceValues) {
  const ScoringPolicy policy;
  EXPECT_EQ(policy.acute_below_weeks, 6);
  EXPECT_EQ(policy.chronic_above_weeks, 12);
  EXPECT_EQ(policy.min_odi_sections, 7);
  EXPECT_EQ(policy.reduced_dose_odi_above_percent, 40.0);
  EXPECT_TRUE(policy.reduce_dose_for_high_start_back);
  EXPECT_EQ(policy.starting_phase, ProgramPhase::kFoundation);
  EXPECT_EQ(policy.nprs_important_change.points, 2.0);
  EXPECT_EQ(policy.nprs_important_change.percent, 30.0);
  EXPECT_EQ(policy.odi_important_change.points, 10.0);
  EXPECT_EQ(policy.odi_important_change.percent, 30.0);
  EXPECT_TRUE(ValidateScoringPolicy(policy).ok());
}

struct BadPolicy {
  std::string name;
  std::function<void(ScoringPolicy&)> change;
  std::string message_part;
};

TEST(ScoringPolicy, InconsistentValuesAreRejected) {
  const BadPolicy cases[] = {
      {"acute 0", [](ScoringPolicy& p) { p.acute_below_weeks = 0; },
       "acute_below_weeks"},
      {"chronic below acute",
       [](ScoringPolicy& p) { p.chronic_above_weeks = 5; },
       "chronic_above_weeks (5)"},
      {"min ODI 0", [](ScoringPolicy& p) { p.min_odi_sections = 0; },
       "min_odi_sections"},
      {"min ODI 11", [](ScoringPolicy& p) { p.min_odi_sections = 11; },
       "min_odi_sections"},
      {"ODI dose limit 101",
       [](ScoringPolicy& p) { p.reduced_dose_odi_above_percent = 101; },
       "reduced_dose_odi_above_percent"},
      {"NPRS points 0",
       [](ScoringPolicy& p) { p.nprs_important_change.points = 0; },
       "nprs_important_change.points"},
      {"ODI percent 150",
       [](ScoringPolicy& p) { p.odi_important_change.percent = 150; },
       "odi_important_change.percent"},
  };
  for (const BadPolicy& c : cases) {
    SCOPED_TRACE(c.name);
    ScoringPolicy policy;
    c.change(policy);
    const absl::Status status = ValidateScoringPolicy(policy);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(status.message()),
                ::testing::HasSubstr(c.message_part));
  }
}

TEST(ScoringPolicy, AcuteEqualToChronicIsAllowed) {
  ScoringPolicy policy;
  policy.acute_below_weeks = 12;  // no subacute band
  EXPECT_TRUE(ValidateScoringPolicy(policy).ok());
}

}  // namespace
}  // namespace corebalance::intake
