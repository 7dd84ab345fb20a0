#include "bench/common/session_maker.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "services/common/sql_time.h"

namespace corebalance::bench {
namespace {

int Nprs(double value) {
  return std::clamp(static_cast<int>(std::lround(value)), 0, 10);
}

// How much worse than before the worst pain during exercise is: mostly
// none or a point, rarely a flare.
int DuringRise(Rng& rng) {
  const int roll = UniformInt(rng, 1, 100);
  if (roll <= 60) return 0;
  if (roll <= 88) return 1;
  if (roll <= 97) return 2;
  if (roll <= 99) return 3;
  return 4;
}

constexpr const char* kSkipReasons[] = {"short on time", "felt sore",
                                        "travelling", "forgot the strap"};

}  // namespace

v1::Session MakeSession(const SeedPatient& patient, absl::Time performed_at,
                        double progress, Rng& rng) {
  v1::Session s;
  s.set_plan(absl::StrCat("patients/", patient.patient_id, "/plans/",
                          patient.plan_id));
  *s.mutable_perform_time() = ToProtoTime(performed_at);
  const double typical =
      std::max(1.0, patient.initial_nprs - 3.0 * std::clamp(progress, 0., 1.));
  const int before =
      Nprs(typical + std::normal_distribution<double>(0, 1)(rng));
  if (Chance(rng, 0.9)) s.set_pain_before(before);
  s.set_worst_pain_during(std::min(10, before + DuringRise(rng)));
  s.set_pain_after(Nprs(before + UniformInt(rng, -1, 1)));
  if (Chance(rng, 0.6))
    s.set_pain_after_24h(Nprs(before + UniformInt(rng, -1, 1)));
  s.set_rpe(UniformInt(rng, 2, 7));
  s.set_leg_pain_or_new_neuro_symptoms(Chance(rng, 0.003));
  for (const SeedExercise& e : patient.exercises) {
    v1::SessionExercise* out = s.add_exercises();
    out->set_exercise(absl::StrCat("exercises/", e.slug));
    if (Chance(rng, 0.92)) {
      out->set_completed(true);
      out->set_sets(e.sets);
      out->set_reps(e.reps);
      out->set_hold_seconds(e.hold_seconds);
      out->set_duration_minutes(e.duration_minutes);
      if (e.duration_minutes > 0) {
        s.set_walking_minutes(
            std::max(0, e.duration_minutes + UniformInt(rng, -3, 5)));
      }
    } else {
      out->set_completed(false);
      out->set_skip_reason(kSkipReasons[rng() % std::size(kSkipReasons)]);
    }
  }
  return s;
}

}  // namespace corebalance::bench
