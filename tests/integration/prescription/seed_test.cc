// The seed migration holds exactly CatalogueSeed() and PlanTemplateSeed():
// the SQL was generated from them once, and this keeps the two from
// drifting apart.

#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "services/outbox/outbox.h"
#include "services/prescription/migrations.h"
#include "services/prescription/repositories/catalogue_repository.h"
#include "services/prescription/rules/catalogue_seed.h"
#include "services/store/migrations.h"
#include "tests/support/test_database.h"

namespace corebalance::test {
namespace {

using prescription::CatalogueRepository;
using prescription::kGlobalClinic;

v1::Exercise::Level ProtoLevel(prescription::Level level) {
  switch (level) {
    case prescription::Level::kBeginner:
      return v1::Exercise::LEVEL_BEGINNER;
    case prescription::Level::kIntermediate:
      return v1::Exercise::LEVEL_INTERMEDIATE;
    case prescription::Level::kAdvanced:
      return v1::Exercise::LEVEL_ADVANCED;
    case prescription::Level::kAll:
      return v1::Exercise::LEVEL_ALL;
  }
  return v1::Exercise::LEVEL_UNSPECIFIED;
}

class SeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::Migrate(pool_, prescription::Migrations()).ok());
  }
  absl::Time Deadline() { return absl::Now() + absl::Seconds(10); }

  TestDatabase db_;
  store::Pool pool_{db_.config()};
  CatalogueRepository store_{&pool_};
};

TEST_F(SeedTest, SeededExercisesEqualTheCatalogueSeed) {
  // A clinic with nothing of its own sees only the seed.
  auto listed = store_.ListExercises(42, {}, std::nullopt, 1000, Deadline());
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->size(), prescription::CatalogueSeed().size());
  for (const auto& seed : prescription::CatalogueSeed()) {
    auto row = store_.GetExercise(42, seed.slug, Deadline());
    ASSERT_TRUE(row.ok()) << seed.slug << ": " << row.status();
    EXPECT_EQ(row->clinic_id, kGlobalClinic) << seed.slug;
    EXPECT_EQ(row->display_name, seed.name) << seed.slug;
    EXPECT_EQ(row->level, ProtoLevel(seed.level)) << seed.slug;
    EXPECT_EQ(row->body_region, seed.region_aim) << seed.slug;
    EXPECT_EQ(row->equipment, seed.equipment) << seed.slug;
    EXPECT_EQ(row->instructions, seed.instructions) << seed.slug;
    EXPECT_EQ(row->default_dose, seed.default_dose) << seed.slug;
    EXPECT_EQ(row->regression_slug, seed.regression_slug) << seed.slug;
    EXPECT_EQ(row->progression_slug, seed.progression_slug) << seed.slug;
  }
}

TEST_F(SeedTest, SeededTemplatesEqualThePlanTemplateSeed) {
  auto listed = store_.ListTemplates(42, std::nullopt, 1000, Deadline());
  ASSERT_TRUE(listed.ok()) << listed.status();
  const auto& seeds = prescription::PlanTemplateSeed();
  ASSERT_EQ(listed->size(), seeds.size());
  for (size_t i = 0; i < seeds.size(); ++i) {
    const auto& row = (*listed)[i];
    const auto& seed = seeds[i];
    EXPECT_EQ(row.slug, seed.slug);
    EXPECT_EQ(row.clinic_id, kGlobalClinic);
    EXPECT_EQ(row.display_name, seed.display_name);
    EXPECT_EQ(row.phase, seed.phase);
    EXPECT_EQ(row.first_week, seed.first_week);
    EXPECT_EQ(row.last_week, seed.last_week);
    EXPECT_FALSE(row.description.empty());
    ASSERT_EQ(row.exercises.size(), seed.exercises.size()) << seed.slug;
    for (size_t k = 0; k < seed.exercises.size(); ++k) {
      EXPECT_EQ(row.exercises[k].exercise_slug, seed.exercises[k].exercise_slug)
          << seed.slug << " #" << k;
      EXPECT_EQ(row.exercises[k].dose, seed.exercises[k].dose)
          << seed.slug << " #" << k;
    }
  }
}

}  // namespace
}  // namespace corebalance::test
