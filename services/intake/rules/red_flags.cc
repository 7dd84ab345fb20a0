#include "services/intake/rules/red_flags.h"

#include <array>
#include <cassert>

namespace corebalance::intake {
namespace {

using G = RedFlagGroup;
using F = RedFlag;

// Indexed by the enum's value; the static_assert below keeps them aligned.
constexpr std::array<RedFlagInfo, 15> kRedFlags = {{
    {F::kSaddleAnaesthesia, "saddle_anaesthesia", "SADDLE_ANAESTHESIA",
     "saddle anaesthesia", G::kCaudaEquina},
    {F::kBladderDysfunction, "bladder_dysfunction", "BLADDER_DYSFUNCTION",
     "new bladder dysfunction (retention or incontinence)", G::kCaudaEquina},
    {F::kBowelIncontinence, "bowel_incontinence", "BOWEL_INCONTINENCE",
     "bowel incontinence", G::kCaudaEquina},
    {F::kProgressiveNeurologicalDeficit, "progressive_neurological_deficit",
     "PROGRESSIVE_NEUROLOGICAL_DEFICIT",
     "severe or progressive neurological deficit in the legs", G::kCaudaEquina},
    {F::kMajorTrauma, "major_trauma", "MAJOR_TRAUMA", "major trauma",
     G::kFracture},
    {F::kMinorTraumaOlderOrOsteoporotic, "minor_trauma_older_or_osteoporotic",
     "MINOR_TRAUMA_OLDER_OR_OSTEOPOROTIC",
     "minor trauma or strenuous lifting in an older or osteoporotic patient",
     G::kFracture},
    {F::kLongTermCorticosteroids, "long_term_corticosteroids",
     "LONG_TERM_CORTICOSTEROIDS", "long-term corticosteroid use", G::kFracture},
    {F::kHistoryOfCancer, "history_of_cancer", "HISTORY_OF_CANCER",
     "history of cancer", G::kTumourOrInfection},
    {F::kUnexplainedWeightLoss, "unexplained_weight_loss",
     "UNEXPLAINED_WEIGHT_LOSS", "unexplained weight loss",
     G::kTumourOrInfection},
    {F::kFeverOrChills, "fever_or_chills", "FEVER_OR_CHILLS", "fever or chills",
     G::kTumourOrInfection},
    {F::kInfectionRisk, "infection_risk", "INFECTION_RISK",
     "recent bacterial infection, IV drug use or immunosuppression",
     G::kTumourOrInfection},
    {F::kNightPain, "night_pain", "NIGHT_PAIN",
     "pain worse lying down or severe at night", G::kTumourOrInfection},
    {F::kAgeOver50OrUnder20NewPain, "age_over_50_or_under_20_new_pain",
     "AGE_OVER_50_OR_UNDER_20_NEW_PAIN",
     "age over 50 or under 20 with new back pain", G::kTumourOrInfection},
    {F::kInflammatoryDisease, "inflammatory_disease", "INFLAMMATORY_DISEASE",
     "inflammatory disease (e.g. spondyloarthritis)",
     G::kInflammatoryOrStructural},
    {F::kStructuralDeformity, "structural_deformity", "STRUCTURAL_DEFORMITY",
     "structural deformity", G::kInflammatoryOrStructural},
}};

constexpr bool IndexedByValue() {
  for (std::size_t i = 0; i < kRedFlags.size(); ++i) {
    if (static_cast<std::size_t>(kRedFlags[i].flag) != i) return false;
  }
  return true;
}
static_assert(IndexedByValue(), "kRedFlags must be in enum order");

}  // namespace

std::span<const RedFlagInfo> AllRedFlags() { return kRedFlags; }

bool IsKnownRedFlag(int value) {
  return value >= 0 && static_cast<std::size_t>(value) < kRedFlags.size();
}

const RedFlagInfo& InfoFor(RedFlag flag) {
  assert(IsKnownRedFlag(static_cast<int>(flag)));
  return kRedFlags[static_cast<std::size_t>(flag)];
}

std::string_view GroupPhrase(RedFlagGroup group) {
  switch (group) {
    case RedFlagGroup::kCaudaEquina:
      return "possible cauda equina";
    case RedFlagGroup::kFracture:
      return "possible fracture";
    case RedFlagGroup::kTumourOrInfection:
      return "possible tumour or infection";
    case RedFlagGroup::kInflammatoryOrStructural:
      return "possible inflammatory or structural disorder";
  }
  return "possible serious pathology";
}

}  // namespace corebalance::intake
