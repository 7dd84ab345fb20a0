#include "services/intake/rules/odi.h"

namespace corebalance::intake {

OdiBand OdiBandFor(double percent) {
  if (percent <= 20) return OdiBand::kMinimal;
  if (percent <= 40) return OdiBand::kModerate;
  if (percent <= 60) return OdiBand::kSevere;
  if (percent <= 80) return OdiBand::kCrippled;
  return OdiBand::kBedBound;
}

std::string_view OdiBandName(OdiBand band) {
  switch (band) {
    case OdiBand::kMinimal:
      return "MINIMAL";
    case OdiBand::kModerate:
      return "MODERATE";
    case OdiBand::kSevere:
      return "SEVERE";
    case OdiBand::kCrippled:
      return "CRIPPLED";
    case OdiBand::kBedBound:
      return "BED_BOUND";
  }
  return "UNKNOWN";
}

std::string_view OdiBandDescription(OdiBand band) {
  switch (band) {
    case OdiBand::kMinimal:
      return "minimal disability";
    case OdiBand::kModerate:
      return "moderate disability";
    case OdiBand::kSevere:
      return "severe disability";
    case OdiBand::kCrippled:
      return "crippled";
    case OdiBand::kBedBound:
      return "bed-bound or exaggerating symptoms";
  }
  return "unknown";
}

OdiScore ScoreOdi(std::span<const std::optional<int>> sections,
                  int min_sections) {
  OdiScore score;
  for (const std::optional<int>& answer : sections) {
    if (!answer.has_value()) continue;
    ++score.sections_answered;
    score.raw_sum += *answer;
  }
  if (score.sections_answered == 0 || score.sections_answered < min_sections) {
    return score;
  }
  // 100 x sum is an exact integer, so whole results (20, 40, ...) are exact
  // and the band edges need no tolerance.
  const double percent =
      100.0 * score.raw_sum /
      (double{kOdiMaxSectionValue} * score.sections_answered);
  score.percent = percent;
  score.band = OdiBandFor(percent);
  return score;
}

}  // namespace corebalance::intake
