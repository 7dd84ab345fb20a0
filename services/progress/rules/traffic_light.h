#ifndef COREBALANCE_SERVICES_PROGRESS_RULES_TRAFFIC_LIGHT_H_
#define COREBALANCE_SERVICES_PROGRESS_RULES_TRAFFIC_LIGHT_H_

// The clinic's pain-monitoring "traffic light" for one exercise session:
// GREEN continue (may progress), AMBER hold or regress one step, RED regress
// and alert the practitioner.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace corebalance::progress {

enum class TrafficLight { kGreen, kAmber, kRed };

// "GREEN", "AMBER", "RED".
std::string_view TrafficLightName(TrafficLight light);

// Pain the patient reports for a session, each NPRS 0..10.
struct SessionPain {
  std::optional<int> pain_before = {};
  int worst_during = 0;
  int after = 0;
  // Arrives a day later; the session is classified again when it does.
  std::optional<int> pain_24h = {};
  bool leg_pain_or_new_neuro_symptoms = false;
};

// Clinic defaults of the clinical reference.
struct TrafficLightPolicy {
  int red_worst_during_at_least = 8;
  int red_after_at_least = 8;
  int amber_worst_during_at_least = 6;
  // AMBER when worst pain during is more than baseline + this.
  int amber_during_above_baseline_by_more_than = 2;
  // AMBER when the 24 h pain is still more than baseline + this.
  int amber_24h_above_baseline_by_more_than = 2;
};

enum class BaselineSource { kNone, kPainBefore, kAssessment };

struct SessionClassification {
  TrafficLight light = TrafficLight::kGreen;
  std::optional<int> baseline = {};
  BaselineSource baseline_source = BaselineSource::kNone;
  // Why, in words a practitioner reads, for the light given (RED lists only
  // the RED reasons), e.g. "worst pain during 8/10 (RED at 8 or more)".
  std::vector<std::string> reasons = {};
};

// RED: worst during >= 8, or after >= 8, or leg pain / new neurological
// symptoms. Otherwise AMBER: worst during >= 6, or worst during more than
// baseline + 2, or 24 h pain more than baseline + 2. Otherwise GREEN.
// The baseline is pain_before, or else `assessment_nprs_now` (the latest
// assessment's NPRS now); with neither, only the fixed limits apply.
// "After" only counts toward RED: pain right after exercise may rise as long
// as it settles by 24 h. INVALID_ARGUMENT when a pain value is outside 0..10.
absl::StatusOr<SessionClassification> ClassifySession(
    const SessionPain& pain, std::optional<int> assessment_nprs_now,
    const TrafficLightPolicy& policy = {});

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_RULES_TRAFFIC_LIGHT_H_
