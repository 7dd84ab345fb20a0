// The clinic's progress policy from the policy file.

#include "services/progress/policy.h"

#include <gtest/gtest.h>

namespace corebalance::progress {
namespace {

TEST(ProgressPolicyTest, UnsetFieldsKeepTheReferenceDefaults) {
  auto rules = ProgressRulesFromConfig({});
  ASSERT_TRUE(rules.ok()) << rules.status();
  const ProgressRules defaults;
  EXPECT_EQ(rules->traffic_light.red_worst_during_at_least,
            defaults.traffic_light.red_worst_during_at_least);
  EXPECT_EQ(rules->alerts.non_adherence_after_days,
            defaults.alerts.non_adherence_after_days);
  EXPECT_EQ(rules->recommendation.progress_min_adherence_percent,
            defaults.recommendation.progress_min_adherence_percent);
}

TEST(ProgressPolicyTest, SetFieldsAreUsed) {
  config::v1::ProgressPolicy config;
  config.set_red_worst_during_at_least(9);
  config.set_non_adherence_after_days(6);
  config.set_worsening_points(3);
  auto rules = ProgressRulesFromConfig(config);
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_EQ(rules->traffic_light.red_worst_during_at_least, 9);
  EXPECT_EQ(rules->alerts.non_adherence_after_days, 6);
  // One clinical threshold, used by both the recommendation and the alert.
  EXPECT_EQ(rules->recommendation.worsening.worsening_points, 3);
  EXPECT_EQ(rules->alerts.worsening.worsening_points, 3);

  // And the light follows it: 8 during is no longer RED.
  auto light =
      ClassifySession({.pain_before = 5, .worst_during = 8, .after = 5},
                      std::nullopt, rules->traffic_light);
  ASSERT_TRUE(light.ok());
  EXPECT_NE(light->light, TrafficLight::kRed);
}

TEST(ProgressPolicyTest, OutOfRangeValuesAreRefusedByName) {
  config::v1::ProgressPolicy config;
  config.set_amber_worst_during_at_least(11);
  auto rules = ProgressRulesFromConfig(config);
  ASSERT_EQ(rules.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(rules.status().message().find("amberWorstDuringAtLeast"),
            std::string::npos);

  config::v1::ProgressPolicy inverted;
  inverted.set_amber_worst_during_at_least(9);
  inverted.set_red_worst_during_at_least(7);
  EXPECT_FALSE(ProgressRulesFromConfig(inverted).ok());
}

}  // namespace
}  // namespace corebalance::progress
