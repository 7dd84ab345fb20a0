#ifndef COREBALANCE_SERVICES_PRESCRIPTION_RULES_CATALOGUE_SEED_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_RULES_CATALOGUE_SEED_H_

// The Core Balance Training catalogue and the three phase templates of the
// clinical reference, as data. The seed migration and the tests read these;
// the running service reads the catalogue from its tables.

#include <string>
#include <string_view>
#include <vector>

#include "services/prescription/rules/dose.h"

namespace corebalance::prescription {

enum class Level { kBeginner, kIntermediate, kAdvanced, kAll };

// "BEGINNER", "INTERMEDIATE", "ADVANCED", "ALL".
std::string_view LevelName(Level level);

// Members default-initialise so the seed can name only the fields it uses
// (designated initialisers).
struct CatalogueExercise {
  std::string slug = {};
  std::string name = {};
  Level level = Level::kBeginner;
  // The reference's "region / aim" column, e.g. "multifidus, anti-rotation".
  std::string region_aim = {};
  // Lower-case items ("mat", "strap", "chair", "dowel"); empty: none needed.
  std::vector<std::string> equipment = {};
  // Two to four plain sentences for the patient.
  std::string instructions = {};
  // Starting dose: the low end of the reference's ranges (start low,
  // progress one variable at a time).
  Dose default_dose = {};
  // Slugs of the easier and the harder step; empty when the catalogue has
  // none (the dose changes instead).
  std::string regression_slug = {};
  std::string progression_slug = {};
};

struct TemplateExercise {
  std::string exercise_slug = {};
  Dose dose = {};
};

struct PlanTemplate {
  std::string slug = {};
  std::string display_name = {};
  int phase = 0;  // 1, 2, 3 in program order
  int first_week = 0;
  int last_week = 0;
  int walking_minutes = 0;
  int frequency_per_week = 0;
  // The phase's exercises at their catalogue default dose and the template's
  // frequency, then walking for `walking_minutes`.
  std::vector<TemplateExercise> exercises = {};
};

// The 20 exercises, in the reference's order.
const std::vector<CatalogueExercise>& CatalogueSeed();

// "foundation", "stability", "strength-balance", in phase order.
const std::vector<PlanTemplate>& PlanTemplateSeed();

// nullptr when the slug is unknown.
const CatalogueExercise* FindCatalogueExercise(std::string_view slug);
const PlanTemplate* FindPlanTemplate(std::string_view slug);

// The template of the phase after `slug`'s; nullptr after the last phase or
// for an unknown slug.
const PlanTemplate* NextPlanTemplate(std::string_view slug);

// "mat, strap", or "none".
std::string EquipmentList(const CatalogueExercise& exercise);

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_RULES_CATALOGUE_SEED_H_
