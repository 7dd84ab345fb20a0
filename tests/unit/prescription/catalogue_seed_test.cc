// The catalogue the seed migration is generated from must hang together:
// the lead turns it into SQL, so a dangling link here is a broken foreign key
// there.

#include "services/prescription/rules/catalogue_seed.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::prescription {
namespace {

using ::testing::IsEmpty;

// The reference's table, in its order, with its levels.
const std::vector<std::pair<std::string, Level>>& ReferenceTable() {
  static const auto* const table =
      new std::vector<std::pair<std::string, Level>>{
          {"breathing-brace", Level::kBeginner},
          {"pelvic-tilt", Level::kBeginner},
          {"cat-camel", Level::kBeginner},
          {"knee-to-chest", Level::kBeginner},
          {"lumbar-rotation", Level::kBeginner},
          {"glute-bridge", Level::kBeginner},
          {"clamshell", Level::kBeginner},
          {"hamstring-stretch", Level::kBeginner},
          {"hip-flexor-stretch", Level::kBeginner},
          {"sphinx", Level::kBeginner},
          {"bird-dog", Level::kIntermediate},
          {"dead-bug", Level::kIntermediate},
          {"curl-up", Level::kIntermediate},
          {"side-bridge-knees", Level::kIntermediate},
          {"sit-to-stand", Level::kIntermediate},
          {"hip-hinge", Level::kIntermediate},
          {"front-plank", Level::kIntermediate},
          {"side-plank", Level::kAdvanced},
          {"single-leg-bridge", Level::kAdvanced},
          {"walking", Level::kAll},
      };
  return *table;
}

int Rank(Level level) {
  switch (level) {
    case Level::kBeginner:
      return 0;
    case Level::kIntermediate:
      return 1;
    case Level::kAdvanced:
      return 2;
    case Level::kAll:
      return -1;
  }
  return -1;
}

TEST(CatalogueSeed, HasTheReferenceExercisesInOrderWithTheirLevels) {
  const std::vector<CatalogueExercise>& catalogue = CatalogueSeed();
  ASSERT_EQ(catalogue.size(), ReferenceTable().size());
  for (size_t i = 0; i < catalogue.size(); ++i) {
    SCOPED_TRACE(ReferenceTable()[i].first);
    EXPECT_EQ(catalogue[i].slug, ReferenceTable()[i].first);
    EXPECT_EQ(catalogue[i].level, ReferenceTable()[i].second);
  }
}

TEST(CatalogueSeed, SlugsAreUniqueKebabCase) {
  std::set<std::string> seen;
  for (const CatalogueExercise& exercise : CatalogueSeed()) {
    SCOPED_TRACE(exercise.slug);
    EXPECT_TRUE(seen.insert(exercise.slug).second) << "duplicate slug";
    for (char c : exercise.slug) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << "bad char " << c;
    }
    EXPECT_EQ(FindCatalogueExercise(exercise.slug), &exercise);
  }
  EXPECT_EQ(FindCatalogueExercise("no-such-exercise"), nullptr);
}

TEST(CatalogueSeed, EveryExerciseIsDescribedForPatients) {
  for (const CatalogueExercise& exercise : CatalogueSeed()) {
    SCOPED_TRACE(exercise.slug);
    EXPECT_FALSE(exercise.name.empty());
    EXPECT_FALSE(exercise.region_aim.empty());
    // Two to four sentences, and every one of them tells the patient what
    // to do about pain (the clinic's "never push through pain").
    int sentences = 0;
    for (size_t i = 0; i < exercise.instructions.size(); ++i) {
      const char c = exercise.instructions[i];
      const bool at_end = i + 1 == exercise.instructions.size() ||
                          exercise.instructions[i + 1] == ' ';
      if ((c == '.' || c == '!' || c == '?') && at_end) ++sentences;
    }
    EXPECT_GE(sentences, 2) << exercise.instructions;
    EXPECT_LE(sentences, 4) << exercise.instructions;
    EXPECT_TRUE(absl::StrContains(exercise.instructions, "pain"))
        << exercise.instructions;
    EXPECT_TRUE(absl::EndsWith(exercise.instructions, "."));
  }
}

TEST(CatalogueSeed, EquipmentNamesTheKit) {
  EXPECT_EQ(EquipmentList(*FindCatalogueExercise("hamstring-stretch")),
            "mat, strap");
  EXPECT_EQ(EquipmentList(*FindCatalogueExercise("sit-to-stand")), "chair");
  EXPECT_EQ(EquipmentList(*FindCatalogueExercise("hip-hinge")), "dowel");
  EXPECT_EQ(EquipmentList(*FindCatalogueExercise("walking")), "none");
}

TEST(CatalogueSeed, DefaultDosesAreValid) {
  for (const CatalogueExercise& exercise : CatalogueSeed()) {
    EXPECT_THAT(ValidateDose(exercise.default_dose, exercise.slug), IsEmpty());
  }
}

TEST(CatalogueSeed, LinksNameOtherExistingExercisesInTheRightDirection) {
  for (const CatalogueExercise& exercise : CatalogueSeed()) {
    SCOPED_TRACE(exercise.slug);
    for (const std::string* link :
         {&exercise.regression_slug, &exercise.progression_slug}) {
      if (link->empty()) continue;
      EXPECT_NE(*link, exercise.slug) << "links to itself";
      EXPECT_NE(FindCatalogueExercise(*link), nullptr) << *link;
    }
    if (!exercise.regression_slug.empty()) {
      EXPECT_NE(exercise.regression_slug, exercise.progression_slug);
    }
    if (const CatalogueExercise* easier =
            FindCatalogueExercise(exercise.regression_slug)) {
      EXPECT_LE(Rank(easier->level), Rank(exercise.level)) << easier->slug;
    }
    if (const CatalogueExercise* harder =
            FindCatalogueExercise(exercise.progression_slug)) {
      EXPECT_GE(Rank(harder->level), Rank(exercise.level)) << harder->slug;
    }
  }
}

// Following one kind of link from any exercise must end, not loop.
void ExpectChainsEnd(std::string CatalogueExercise::*link) {
  for (const CatalogueExercise& start : CatalogueSeed()) {
    std::set<std::string> visited = {start.slug};
    const CatalogueExercise* current = &start;
    while (current != nullptr && !(current->*link).empty()) {
      ASSERT_TRUE(visited.insert(current->*link).second)
          << "cycle from " << start.slug << " back to " << current->*link;
      current = FindCatalogueExercise(current->*link);
    }
  }
}

TEST(CatalogueSeed, ProgressionAndRegressionChainsHaveNoCycles) {
  ExpectChainsEnd(&CatalogueExercise::progression_slug);
  ExpectChainsEnd(&CatalogueExercise::regression_slug);
}

std::vector<std::string> ProgressionChain(const std::string& slug) {
  std::vector<std::string> chain = {slug};
  for (const CatalogueExercise* e = FindCatalogueExercise(slug);
       e != nullptr && !e->progression_slug.empty() && chain.size() < 25;
       e = FindCatalogueExercise(e->progression_slug)) {
    chain.push_back(e->progression_slug);
  }
  return chain;
}

TEST(CatalogueSeed, KeepsTheReferenceChains) {
  EXPECT_EQ(ProgressionChain("pelvic-tilt"),
            (std::vector<std::string>{"pelvic-tilt", "glute-bridge",
                                      "single-leg-bridge"}));
  EXPECT_EQ(ProgressionChain("side-bridge-knees"),
            (std::vector<std::string>{"side-bridge-knees", "side-plank"}));
  EXPECT_EQ(FindCatalogueExercise("glute-bridge")->regression_slug,
            "pelvic-tilt");
  EXPECT_EQ(FindCatalogueExercise("side-plank")->regression_slug,
            "side-bridge-knees");
  EXPECT_EQ(FindCatalogueExercise("front-plank")->progression_slug,
            "side-plank");
}

TEST(CatalogueSeed, DosesMatchTheReferenceStartingPoints) {
  // Low end of each range: start low, progress one variable at a time.
  EXPECT_EQ(
      FindCatalogueExercise("breathing-brace")->default_dose,
      (Dose{
          .sets = 1, .reps = 10, .hold_seconds = 10, .frequency_per_week = 7}));
  EXPECT_EQ(FindCatalogueExercise("bird-dog")->default_dose,
            (Dose{.sets = 2, .reps = 8, .hold_seconds = 5, .per_side = true}));
  EXPECT_EQ(FindCatalogueExercise("walking")->default_dose,
            (Dose{.duration_minutes = 10, .frequency_per_week = 5}));
}

}  // namespace
}  // namespace corebalance::prescription
