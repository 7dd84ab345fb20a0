#include "services/progress/rules/traffic_light.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"

namespace corebalance::progress {
namespace {

absl::Status CheckNprs(const char* field, std::optional<int> value) {
  if (!value.has_value() || (*value >= 0 && *value <= 10)) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrFormat("%s must be an NPRS score 0..10, got %d", field, *value));
}

absl::Status CheckInputs(const SessionPain& pain,
                         std::optional<int> assessment_nprs_now) {
  for (const auto& [field, value] :
       {std::pair<const char*, std::optional<int>>{"pain_before",
                                                   pain.pain_before},
        {"worst_during", pain.worst_during},
        {"after", pain.after},
        {"pain_24h", pain.pain_24h},
        {"assessment_nprs_now", assessment_nprs_now}}) {
    if (absl::Status status = CheckNprs(field, value); !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

std::string BaselineWords(int baseline, BaselineSource source) {
  return absl::StrFormat("baseline %d (%s)", baseline,
                         source == BaselineSource::kPainBefore
                             ? "pain before"
                             : "latest assessment");
}

}  // namespace

std::string_view TrafficLightName(TrafficLight light) {
  switch (light) {
    case TrafficLight::kGreen:
      return "GREEN";
    case TrafficLight::kAmber:
      return "AMBER";
    case TrafficLight::kRed:
      return "RED";
  }
  return "UNKNOWN";
}

absl::StatusOr<SessionClassification> ClassifySession(
    const SessionPain& pain, std::optional<int> assessment_nprs_now,
    const TrafficLightPolicy& policy) {
  if (absl::Status status = CheckInputs(pain, assessment_nprs_now);
      !status.ok()) {
    return status;
  }
  SessionClassification result;
  if (pain.pain_before.has_value()) {
    result.baseline = pain.pain_before;
    result.baseline_source = BaselineSource::kPainBefore;
  } else if (assessment_nprs_now.has_value()) {
    result.baseline = assessment_nprs_now;
    result.baseline_source = BaselineSource::kAssessment;
  }

  std::vector<std::string> red;
  if (pain.worst_during >= policy.red_worst_during_at_least) {
    red.push_back(absl::StrFormat("worst pain during %d/10 (RED at %d or more)",
                                  pain.worst_during,
                                  policy.red_worst_during_at_least));
  }
  if (pain.after >= policy.red_after_at_least) {
    red.push_back(absl::StrFormat("pain after %d/10 (RED at %d or more)",
                                  pain.after, policy.red_after_at_least));
  }
  if (pain.leg_pain_or_new_neuro_symptoms) {
    red.push_back(
        "pain spreading down the leg or new neurological symptoms reported: "
        "check for red flags");
  }
  if (!red.empty()) {
    result.light = TrafficLight::kRed;
    result.reasons = std::move(red);
    return result;
  }

  std::vector<std::string> amber;
  if (pain.worst_during >= policy.amber_worst_during_at_least) {
    amber.push_back(
        absl::StrFormat("worst pain during %d/10 (AMBER at %d to %d)",
                        pain.worst_during, policy.amber_worst_during_at_least,
                        policy.red_worst_during_at_least - 1));
  }
  const std::optional<int> baseline = result.baseline;
  if (baseline.has_value() &&
      pain.worst_during >
          *baseline + policy.amber_during_above_baseline_by_more_than) {
    amber.push_back(absl::StrFormat(
        "worst pain during %d/10 is more than %s + %d", pain.worst_during,
        BaselineWords(*baseline, result.baseline_source),
        policy.amber_during_above_baseline_by_more_than));
  }
  if (baseline.has_value() && pain.pain_24h.has_value() &&
      *pain.pain_24h >
          *baseline + policy.amber_24h_above_baseline_by_more_than) {
    amber.push_back(absl::StrFormat(
        "pain 24 h after %d/10 is still more than %s + %d", *pain.pain_24h,
        BaselineWords(*baseline, result.baseline_source),
        policy.amber_24h_above_baseline_by_more_than));
  }
  if (!amber.empty()) {
    result.light = TrafficLight::kAmber;
    result.reasons = std::move(amber);
    return result;
  }

  result.light = TrafficLight::kGreen;
  if (baseline.has_value()) {
    result.reasons.push_back(absl::StrFormat(
        "worst pain during %d/10 is at most %d and within %s + %d",
        pain.worst_during, policy.amber_worst_during_at_least - 1,
        BaselineWords(*baseline, result.baseline_source),
        policy.amber_during_above_baseline_by_more_than));
  } else {
    result.reasons.push_back(absl::StrFormat(
        "worst pain during %d/10 is at most %d; no baseline (no pain before "
        "and no assessment), so only the fixed limits apply",
        pain.worst_during, policy.amber_worst_during_at_least - 1));
  }
  if (!pain.pain_24h.has_value()) {
    result.reasons.push_back(
        "24 h pain not reported yet: classified again when it arrives");
  } else if (baseline.has_value()) {
    result.reasons.push_back(
        absl::StrFormat("settled by 24 h (%d/10)", *pain.pain_24h));
  } else {
    result.reasons.push_back(
        absl::StrFormat("pain 24 h after %d/10: no baseline to compare it with",
                        *pain.pain_24h));
  }
  return result;
}

}  // namespace corebalance::progress
