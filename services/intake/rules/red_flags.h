#ifndef COREBALANCE_SERVICES_INTAKE_RULES_RED_FLAGS_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_RED_FLAGS_H_

// The red flags of the clinical reference: any one present at intake means
// "refer out, do not start a program".

#include <span>
#include <string_view>

namespace corebalance::intake {

// One value per flag listed in the reference. The numeric values are stable
// (they may be stored), so new flags go at the end.
enum class RedFlag {
  // Cauda equina.
  kSaddleAnaesthesia = 0,
  kBladderDysfunction = 1,
  kBowelIncontinence = 2,
  kProgressiveNeurologicalDeficit = 3,
  // Fracture.
  kMajorTrauma = 4,
  kMinorTraumaOlderOrOsteoporotic = 5,
  kLongTermCorticosteroids = 6,
  // Tumour or infection.
  kHistoryOfCancer = 7,
  kUnexplainedWeightLoss = 8,
  kFeverOrChills = 9,
  kInfectionRisk = 10,
  kNightPain = 11,
  kAgeOver50OrUnder20NewPain = 12,
  // Inflammatory or structural disorder.
  kInflammatoryDisease = 13,
  kStructuralDeformity = 14,
};

// The serious condition a flag points at.
enum class RedFlagGroup {
  kCaudaEquina,
  kFracture,
  kTumourOrInfection,
  kInflammatoryOrStructural,
};

struct RedFlagInfo {
  RedFlag flag;
  std::string_view snake_name;   // "saddle_anaesthesia"
  std::string_view upper_name;   // "SADDLE_ANAESTHESIA"
  std::string_view description;  // "saddle anaesthesia"
  RedFlagGroup group;
};

// Every flag, in enum order.
std::span<const RedFlagInfo> AllRedFlags();

// True when `value` is the numeric value of a RedFlag (input from outside may
// carry anything).
bool IsKnownRedFlag(int value);

// Precondition: IsKnownRedFlag(static_cast<int>(flag)).
const RedFlagInfo& InfoFor(RedFlag flag);

// "possible cauda equina", used in referral reasons.
std::string_view GroupPhrase(RedFlagGroup group);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_RED_FLAGS_H_
