#include "bench/seed/patient_maker.h"

#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace corebalance::bench {
namespace {

constexpr const char* kGivenNames[] = {
    "Maria",  "James",  "Sofia",   "Michael", "Emily",  "David",  "Olivia",
    "Daniel", "Camila", "Robert",  "Ava",     "Jose",   "Mia",    "William",
    "Lucia",  "Thomas", "Isabel",  "Richard", "Grace",  "Carlos", "Hannah",
    "Steven", "Elena",  "Brian",   "Chloe",   "Kevin",  "Nora",   "Luis",
    "Megan",  "Jason",  "Valeria", "Eric",    "Rachel", "Miguel", "Laura"};
constexpr const char* kFamilyNames[] = {
    "Garcia",   "Smith",  "Martinez",  "Johnson",  "Hernandez", "Brown",
    "Lopez",    "Nguyen", "Gonzalez",  "Miller",   "Rodriguez", "Davis",
    "Kim",      "Wilson", "Perez",     "Anderson", "Sanchez",   "Taylor",
    "Ramirez",  "Thomas", "Torres",    "Moore",    "Flores",    "Jackson",
    "Rivera",   "Lee",    "Gomez",     "Harris",   "Diaz",      "Clark",
    "Reyes",    "Lewis",  "Cruz",      "Walker",   "Morales",   "Hall",
    "Ortiz",    "Young",  "Gutierrez", "King",     "Chavez",    "Wright",
    "Ramos",    "Scott",  "Ruiz",      "Green",    "Alvarez",   "Baker",
    "Castillo", "Adams",  "Vasquez",   "Nelson",   "Jimenez",   "Hill"};

template <size_t N>
const char* Pick(const char* const (&names)[N], Rng& rng) {
  return names[rng() % N];
}

}  // namespace

v1::Patient MakePatient(Rng& rng) {
  v1::Patient p;
  p.set_given_name(Pick(kGivenNames, rng));
  p.set_family_name(Pick(kFamilyNames, rng));
  p.mutable_birth_date()->set_year(UniformInt(rng, 1950, 2002));
  p.mutable_birth_date()->set_month(UniformInt(rng, 1, 12));
  p.mutable_birth_date()->set_day(UniformInt(rng, 1, 28));
  p.set_sex(Chance(rng, 0.55) ? v1::Patient::SEX_FEMALE
                              : v1::Patient::SEX_MALE);
  p.set_phone(absl::StrFormat("+1 949 %03d %04d", UniformInt(rng, 200, 999),
                              UniformInt(rng, 0, 9999)));
  p.set_email(absl::StrCat(absl::AsciiStrToLower(p.given_name()), ".",
                           absl::AsciiStrToLower(p.family_name()),
                           UniformInt(rng, 1, 999), "@example.com"));
  return p;
}

v1::Assessment MakeInitialAssessment(Rng& rng) {
  v1::Assessment a;
  a.set_kind(v1::Assessment::KIND_INITIAL);
  a.set_pain_duration_weeks(UniformInt(rng, 13, 260));
  a.set_nprs_now(UniformInt(rng, 3, 7));
  a.set_nprs_best(std::max(0, a.nprs_now() - UniformInt(rng, 1, 3)));
  a.set_nprs_worst(std::min(10, a.nprs_now() + UniformInt(rng, 1, 3)));
  for (int i = 0; i < 10; ++i) {
    a.add_odi_sections()->set_score(UniformInt(rng, 0, 3));
  }
  for (int i = 0; i < 8; ++i) a.add_start_back_answers(Chance(rng, 0.25));
  a.add_start_back_answers(UniformInt(rng, 0, 3));
  a.set_sedentary_hours_per_day(UniformInt(rng, 4, 10));
  a.set_walking_minutes_per_day(UniformInt(rng, 0, 45));
  return a;
}

}  // namespace corebalance::bench
