#ifndef COREBALANCE_SERVICES_INTAKE_RULES_PROGRAM_PHASE_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_PROGRAM_PHASE_H_

// The phases of the Core Balance Training program and the two dose levels a
// patient can start at.

#include <string_view>

namespace corebalance::intake {

enum class ProgramPhase { kFoundation, kStability, kStrengthAndBalance };

enum class DoseLevel { kStandard, kReduced };

// "FOUNDATION", "STABILITY", "STRENGTH_AND_BALANCE".
constexpr std::string_view ProgramPhaseName(ProgramPhase phase) {
  switch (phase) {
    case ProgramPhase::kFoundation:
      return "FOUNDATION";
    case ProgramPhase::kStability:
      return "STABILITY";
    case ProgramPhase::kStrengthAndBalance:
      return "STRENGTH_AND_BALANCE";
  }
  return "UNKNOWN";
}

// "Foundation", "Stability", "Strength & Balance" as the reference names them.
constexpr std::string_view ProgramPhaseTitle(ProgramPhase phase) {
  switch (phase) {
    case ProgramPhase::kFoundation:
      return "Foundation";
    case ProgramPhase::kStability:
      return "Stability";
    case ProgramPhase::kStrengthAndBalance:
      return "Strength & Balance";
  }
  return "Unknown";
}

// "STANDARD", "REDUCED".
constexpr std::string_view DoseLevelName(DoseLevel dose) {
  return dose == DoseLevel::kReduced ? "REDUCED" : "STANDARD";
}

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_PROGRAM_PHASE_H_
