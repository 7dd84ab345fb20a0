#include "services/prescription/rules/catalogue_seed.h"

#include "absl/strings/str_join.h"

// Regressions and progressions follow the reference's chains (pelvic-tilt ->
// glute-bridge -> single-leg-bridge; side-bridge-knees -> side-plank) and,
// where it names a step outside the catalogue, the closest catalogue
// exercise with the same aim and a lower load:
//  - dead-bug regresses to breathing-brace: heel slides are a braced supine
//    leg movement, and the brace is the part a dead bug builds on;
//  - bird-dog regresses to cat-camel (the same hands-and-knees position
//    without the balance demand); its one-limb version is in its
//    instructions;
//  - curl-up regresses to breathing-brace (the brace without the lift);
//  - front-plank regresses to dead-bug (anti-extension lying down) and
//    progresses to side-plank;
//  - side-bridge-knees regresses to clamshell (side-lying, no load on the
//    trunk); sit-to-stand regresses to glute-bridge; hip-hinge to
//    sit-to-stand.
// Stretches, sphinx and walking progress by dose, so they link nowhere.
// A progression is never easier (lower level) and a regression never harder.

namespace corebalance::prescription {
namespace {

std::vector<CatalogueExercise>* BuildCatalogue() {
  return new std::vector<CatalogueExercise>{
      {
          .slug = "breathing-brace",
          .name = "Diaphragmatic breathing with abdominal brace",
          .level = Level::kBeginner,
          .region_aim = "deep trunk, motor control",
          .equipment = {"mat"},
          .instructions =
              "Lie on your back with your knees bent and one hand on your "
              "belly. Breathe in slowly through your nose so your belly "
              "rises, then breathe out and gently tighten your stomach as if "
              "bracing for a light poke, without holding your breath. Hold "
              "the brace while breathing easily, then relax; move mindfully "
              "and stop if you feel pain.",
          .default_dose = {.sets = 1,
                           .reps = 10,
                           .hold_seconds = 10,
                           .frequency_per_week = 7},
          .progression_slug = "dead-bug",
      },
      {
          .slug = "pelvic-tilt",
          .name = "Supine posterior pelvic tilt",
          .level = Level::kBeginner,
          .region_aim = "lumbo-pelvic control",
          .equipment = {"mat"},
          .instructions =
              "Lie on your back with your knees bent and feet flat. Gently "
              "flatten your lower back into the floor by tilting your pelvis "
              "back, and hold while breathing normally. Release slowly; keep "
              "the movement small and comfortable and never push through "
              "pain.",
          .default_dose = {.sets = 1, .reps = 10, .hold_seconds = 5},
          .regression_slug = "breathing-brace",
          .progression_slug = "glute-bridge",
      },
      {
          .slug = "cat-camel",
          .name = "Cat-camel",
          .level = Level::kBeginner,
          .region_aim = "spinal mobility",
          .equipment = {"mat"},
          .instructions =
              "Start on your hands and knees, hands under your shoulders and "
              "knees under your hips. Slowly round your back up toward the "
              "ceiling, then slowly let it sink into a gentle arch as you "
              "lift your head. Move only as far as feels comfortable, one "
              "smooth cycle at a time, and stop before any pain.",
          .default_dose = {.sets = 1, .reps = 5},
          .progression_slug = "bird-dog",
      },
      {
          .slug = "knee-to-chest",
          .name = "Single knee-to-chest",
          .level = Level::kBeginner,
          .region_aim = "lumbar/hip mobility",
          .equipment = {"mat"},
          .instructions =
              "Lie on your back with both knees bent. Bring one knee toward "
              "your chest with your hands behind the thigh and hold, feeling "
              "a gentle stretch in your lower back and hip. Lower the leg "
              "slowly and switch sides; stretch gently, never into pain.",
          .default_dose = {.sets = 2, .hold_seconds = 15, .per_side = true},
          .progression_slug = "lumbar-rotation",
      },
      {
          .slug = "lumbar-rotation",
          .name = "Supine knee rocks",
          .level = Level::kBeginner,
          .region_aim = "rotation mobility",
          .equipment = {"mat"},
          .instructions =
              "Lie on your back with your knees bent and feet together. "
              "Keeping your shoulders on the floor, slowly let both knees "
              "fall to one side, then bring them back through the middle to "
              "the other side. Stay within a comfortable range and never "
              "push through pain.",
          .default_dose = {.sets = 1, .reps = 10},
          .regression_slug = "knee-to-chest",
      },
      {
          .slug = "glute-bridge",
          .name = "Double-leg glute bridge",
          .level = Level::kBeginner,
          .region_aim = "glute max, hamstrings",
          .equipment = {"mat"},
          .instructions =
              "Lie on your back with your knees bent and feet hip-width "
              "apart. Gently brace your stomach, squeeze your buttocks and "
              "lift your hips until your body is straight from shoulders to "
              "knees, then hold. Lower slowly, keep your lower back from "
              "arching, and stop if you feel pain.",
          .default_dose = {.sets = 1, .reps = 10, .hold_seconds = 5},
          .regression_slug = "pelvic-tilt",
          .progression_slug = "single-leg-bridge",
      },
      {
          .slug = "clamshell",
          .name = "Side-lying clamshell",
          .level = Level::kBeginner,
          .region_aim = "glute med, muscle balance",
          .equipment = {"mat"},
          .instructions =
              "Lie on your side with your hips and knees bent and your feet "
              "together. Keeping your feet touching and your pelvis still, "
              "lift your top knee as far as is comfortable, then lower it "
              "slowly. Finish one side before turning over, move with "
              "control, and never push through pain.",
          .default_dose = {.sets = 2, .reps = 10, .per_side = true},
          .progression_slug = "side-bridge-knees",
      },
      {
          .slug = "hamstring-stretch",
          .name = "Supine hamstring stretch with strap",
          .level = Level::kBeginner,
          .region_aim = "posterior chain",
          .equipment = {"mat", "strap"},
          .instructions =
              "Lie on your back and loop a strap around the ball of one "
              "foot. Keeping that knee straight, raise the leg with the strap "
              "until you feel a gentle stretch behind the thigh, and hold "
              "while breathing easily. Lower slowly and switch legs; a "
              "stretch should never turn into pain.",
          .default_dose = {.sets = 2, .hold_seconds = 30, .per_side = true},
      },
      {
          .slug = "hip-flexor-stretch",
          .name = "Half-kneeling hip flexor stretch",
          .level = Level::kBeginner,
          .region_aim = "hip flexors (sitting)",
          .equipment = {"mat"},
          .instructions =
              "Kneel on one knee on a soft surface with the other foot flat "
              "in front of you. Tuck your pelvis under slightly and shift "
              "your weight forward until you feel a gentle stretch at the "
              "front of the kneeling hip, and hold with your back upright. "
              "Switch sides, and ease off if you feel pain.",
          .default_dose = {.sets = 2, .hold_seconds = 30, .per_side = true},
      },
      {
          .slug = "sphinx",
          .name = "Prone on elbows (sphinx)",
          .level = Level::kBeginner,
          .region_aim = "extension tolerance",
          .equipment = {"mat"},
          .instructions =
              "Lie on your stomach and come up onto your elbows with your "
              "forearms on the floor, letting your lower back relax. Breathe "
              "slowly and hold the position while it feels comfortable. If "
              "it increases your back pain or sends pain down your leg, lower "
              "down and stop.",
          .default_dose = {.sets = 3, .hold_seconds = 30},
      },
      {
          .slug = "bird-dog",
          .name = "Bird dog",
          .level = Level::kIntermediate,
          .region_aim = "multifidus, anti-rotation",
          .equipment = {"mat"},
          .instructions =
              "Start on your hands and knees with your back flat and your "
              "stomach gently braced. Slowly reach one arm forward and the "
              "opposite leg back, keeping your hips level, and hold; return "
              "with control and switch sides. If that is too hard, lift only "
              "one arm or one leg at a time, and never push through pain.",
          .default_dose =
              {.sets = 2, .reps = 8, .hold_seconds = 5, .per_side = true},
          .regression_slug = "cat-camel",
          .progression_slug = "front-plank",
      },
      {
          .slug = "dead-bug",
          .name = "Dead bug",
          .level = Level::kIntermediate,
          .region_aim = "anterior core, anti-extension",
          .equipment = {"mat"},
          .instructions =
              "Lie on your back with your arms pointing at the ceiling and "
              "your hips and knees bent at right angles. Brace your stomach "
              "so your lower back stays gently on the floor, then slowly "
              "lower the opposite arm and leg toward the floor and bring them "
              "back. If your back arches or you feel pain, make the movement "
              "smaller or just slide one heel along the floor.",
          .default_dose = {.sets = 2, .reps = 8, .per_side = true},
          .regression_slug = "breathing-brace",
          .progression_slug = "front-plank",
      },
      {
          .slug = "curl-up",
          .name = "McGill curl-up",
          .level = Level::kIntermediate,
          .region_aim = "abdominals, neutral spine",
          .equipment = {"mat"},
          .instructions =
              "Lie on your back with one knee bent and the other leg "
              "straight, hands under the small of your back to keep its "
              "natural curve. Brace gently and lift your head and shoulders "
              "just off the floor without bending your neck or flattening "
              "your back, then hold. Lower slowly, and stop if you feel "
              "pain.",
          .default_dose = {.sets = 1, .reps = 8, .hold_seconds = 5},
          .regression_slug = "breathing-brace",
          .progression_slug = "front-plank",
      },
      {
          .slug = "side-bridge-knees",
          .name = "Side bridge from knees",
          .level = Level::kIntermediate,
          .region_aim = "quadratus lumborum, obliques",
          .equipment = {"mat"},
          .instructions =
              "Lie on your side propped on your elbow, elbow under your "
              "shoulder and knees bent behind you. Lift your hips until your "
              "body is straight from head to knees, and hold while breathing "
              "easily. Lower slowly and switch sides; stop if you feel pain.",
          .default_dose = {.sets = 2, .hold_seconds = 10, .per_side = true},
          .regression_slug = "clamshell",
          .progression_slug = "side-plank",
      },
      {
          .slug = "sit-to-stand",
          .name = "Chair sit-to-stand",
          .level = Level::kIntermediate,
          .region_aim = "functional hip/knee strength",
          .equipment = {"chair"},
          .instructions =
              "Sit near the front of a sturdy chair with your feet "
              "hip-width apart. Lean forward from your hips and stand up by "
              "pushing through your heels, then sit back down slowly and "
              "with control. Use the armrests at first if you need to, keep "
              "your back long, and never push through pain.",
          .default_dose = {.sets = 2, .reps = 10},
          .regression_slug = "glute-bridge",
          .progression_slug = "hip-hinge",
      },
      {
          .slug = "hip-hinge",
          .name = "Hip hinge with dowel",
          .level = Level::kIntermediate,
          .region_aim = "lifting mechanics",
          .equipment = {"dowel"},
          .instructions =
              "Stand holding a dowel along your back so it touches your "
              "head, upper back and tailbone. Soften your knees and bend "
              "forward by pushing your hips back, keeping all three points "
              "on the dowel, then squeeze your buttocks to stand tall. This "
              "is how to bend and lift in daily life: move slowly and stop "
              "if you feel pain.",
          .default_dose = {.sets = 2, .reps = 10},
          .regression_slug = "sit-to-stand",
      },
      {
          .slug = "front-plank",
          .name = "Front plank (knees, then toes)",
          .level = Level::kIntermediate,
          .region_aim = "trunk endurance",
          .equipment = {"mat"},
          .instructions =
              "Lie on your stomach and come up onto your forearms and knees, "
              "with your body straight from head to knees, and hold while "
              "breathing easily. When that is easy, hold the plank from your "
              "toes instead. Do not let your hips sag or your back arch, and "
              "stop if you feel pain.",
          .default_dose = {.sets = 3, .hold_seconds = 10},
          .regression_slug = "dead-bug",
          .progression_slug = "side-plank",
      },
      {
          .slug = "side-plank",
          .name = "Full side plank",
          .level = Level::kAdvanced,
          .region_aim = "lateral trunk endurance",
          .equipment = {"mat"},
          .instructions =
              "Lie on your side propped on your elbow with your legs "
              "straight and feet stacked. Lift your hips until your body is "
              "straight from head to feet, and hold while breathing easily. "
              "Lower slowly and switch sides; go back to the knee version if "
              "you lose good form or feel pain.",
          .default_dose = {.sets = 3, .hold_seconds = 10, .per_side = true},
          .regression_slug = "side-bridge-knees",
      },
      {
          .slug = "single-leg-bridge",
          .name = "Single-leg bridge",
          .level = Level::kAdvanced,
          .region_aim = "unilateral hip/trunk control",
          .equipment = {"mat"},
          .instructions =
              "Lie on your back with your knees bent, then straighten one "
              "leg in line with the other thigh. Brace gently and lift your "
              "hips with the bent leg until you are straight from shoulders "
              "to knee, keeping your hips level. Lower slowly and switch "
              "sides; stop if you feel pain in your back.",
          .default_dose = {.sets = 2, .reps = 8, .per_side = true},
          .regression_slug = "glute-bridge",
      },
      {
          .slug = "walking",
          .name = "Progressive walking",
          .level = Level::kAll,
          .region_aim = "aerobic capacity, recurrence",
          .instructions =
              "Walk at a comfortable pace on level ground for the time in "
              "your plan, upright and relaxed, letting your arms swing. Add "
              "a few minutes each week as it gets easy, building toward 30 "
              "minutes five days a week. If walking eases your pain, keep it "
              "up; slow down or stop if your pain builds.",
          .default_dose = {.duration_minutes = 10, .frequency_per_week = 5},
      },
  };
}

}  // namespace

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kBeginner:
      return "BEGINNER";
    case Level::kIntermediate:
      return "INTERMEDIATE";
    case Level::kAdvanced:
      return "ADVANCED";
    case Level::kAll:
      return "ALL";
  }
  return "UNKNOWN";
}

const std::vector<CatalogueExercise>& CatalogueSeed() {
  // Built once and never destroyed (no static destruction order to mind).
  static const std::vector<CatalogueExercise>* const catalogue =
      BuildCatalogue();
  return *catalogue;
}

const CatalogueExercise* FindCatalogueExercise(std::string_view slug) {
  for (const CatalogueExercise& exercise : CatalogueSeed()) {
    if (exercise.slug == slug) return &exercise;
  }
  return nullptr;
}

std::string EquipmentList(const CatalogueExercise& exercise) {
  if (exercise.equipment.empty()) return "none";
  return absl::StrJoin(exercise.equipment, ", ");
}

}  // namespace corebalance::prescription
