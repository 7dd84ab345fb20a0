#ifndef COREBALANCE_SERVICES_INTAKE_RULES_ODI_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_ODI_H_

// Oswestry Disability Index, version 2.1a.

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace corebalance::intake {

inline constexpr std::string_view kOdiVersion = "2.1a";
inline constexpr int kOdiSectionCount = 10;
inline constexpr int kOdiMaxSectionValue = 5;

// Section titles in questionnaire order (index 0 = section 1).
inline constexpr std::array<std::string_view, kOdiSectionCount>
    kOdiSectionTitles = {"pain intensity", "personal care", "lifting",
                         "walking",        "sitting",       "standing",
                         "sleeping",       "sex life",      "social life",
                         "travelling"};

// Bands by inclusive upper bound: <= 20 minimal, <= 40 moderate, <= 60 severe,
// <= 80 crippled, > 80 bed-bound (or exaggerating).
enum class OdiBand { kMinimal, kModerate, kSevere, kCrippled, kBedBound };

struct OdiScore {
  int sections_answered = 0;
  int raw_sum = 0;
  // Exact sum / (5 x answered) x 100; nullopt when not scorable. Round with
  // RoundToOneDecimal (rounding.h) for display only.
  std::optional<double> percent;
  std::optional<OdiBand> band;

  bool scorable() const { return percent.has_value(); }
};

// Band of an exact percentage. Near the edges, ODI's possible values never
// lie within 0.05 of a bound without being on it, so banding the exact value
// and banding the displayed one agree.
OdiBand OdiBandFor(double percent);

// "MINIMAL", "MODERATE", "SEVERE", "CRIPPLED", "BED_BOUND".
std::string_view OdiBandName(OdiBand band);

// "minimal disability" etc., for people.
std::string_view OdiBandDescription(OdiBand band);

// Scores the answered sections (nullopt = unanswered). Not scorable when
// fewer than `min_sections` are answered (or none). Precondition: every
// answer is 0..5 (see ValidateAssessment).
OdiScore ScoreOdi(std::span<const std::optional<int>> sections,
                  int min_sections);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_ODI_H_
