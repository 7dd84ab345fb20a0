#include "services/progress/rules/recommend.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace corebalance::progress {
namespace {

std::vector<const SessionRecord*> SessionsIn(
    const std::vector<SessionRecord>& sessions, DayWindow window,
    absl::Time now) {
  std::vector<const SessionRecord*> selected;
  for (const SessionRecord& session : sessions) {
    if (session.performed_at > now) continue;
    if (window.Contains(UtcDay(session.performed_at))) {
      selected.push_back(&session);
    }
  }
  std::stable_sort(selected.begin(), selected.end(),
                   [](const SessionRecord* a, const SessionRecord* b) {
                     return a->performed_at < b->performed_at;
                   });
  return selected;
}

// Slugs in order of first appearance.
std::vector<std::string> ExercisesDone(
    const std::vector<const SessionRecord*>& sessions) {
  std::vector<std::string> slugs;
  std::set<std::string> seen;
  for (const SessionRecord* session : sessions) {
    for (const std::string& slug : session->exercises_done) {
      if (seen.insert(slug).second) slugs.push_back(slug);
    }
  }
  return slugs;
}

std::string NameOf(const std::string& slug,
                   const ExerciseDirectory& directory) {
  const auto it = directory.find(slug);
  return it == directory.end() || it->second.name.empty() ? slug
                                                          : it->second.name;
}

std::vector<ExerciseStep> Steps(const std::vector<std::string>& slugs,
                                const ExerciseDirectory& directory,
                                bool regress) {
  std::vector<ExerciseStep> steps;
  for (const std::string& slug : slugs) {
    ExerciseStep step{.slug = slug, .name = NameOf(slug, directory)};
    const auto it = directory.find(slug);
    if (it != directory.end()) {
      step.to_slug =
          regress ? it->second.regression_slug : it->second.progression_slug;
    }
    if (!step.to_slug.empty()) step.to_name = NameOf(step.to_slug, directory);
    steps.push_back(std::move(step));
  }
  return steps;
}

// "regress Bird dog to Cat-camel, reduce the dose of Walking (no easier
// exercise in the catalogue)".
std::string DescribeSteps(const std::vector<ExerciseStep>& steps,
                          bool regress) {
  if (steps.empty()) {
    return regress ? "reduce the dose (no exercises recorded to regress)"
                   : "increase the dose one variable at a time";
  }
  std::vector<std::string> parts;
  for (const ExerciseStep& step : steps) {
    if (!step.to_slug.empty()) {
      parts.push_back(absl::StrCat(regress ? "regress " : "progress ",
                                   step.name, " to ", step.to_name));
    } else if (regress) {
      parts.push_back(absl::StrCat("reduce the dose of ", step.name,
                                   " (no easier exercise in the catalogue)"));
    } else {
      parts.push_back(absl::StrCat(
          "increase the dose of ", step.name,
          " one variable at a time (hold time, reps, sets; no harder "
          "exercise in the catalogue)"));
    }
  }
  return absl::StrJoin(parts, ", ");
}

std::string Plural(int count, const char* one, const char* many) {
  return absl::StrCat(count, " ", count == 1 ? one : many);
}

std::optional<Recommendation> RegressIfNeeded(
    const RecommendationInput& input, const ExerciseDirectory& directory,
    const RecommendationPolicy& policy) {
  const std::vector<const SessionRecord*> week = SessionsIn(
      input.sessions, LastDays(input.now, policy.red_window_days), input.now);
  std::vector<const SessionRecord*> red;
  for (const SessionRecord* session : week) {
    if (session->light == TrafficLight::kRed) red.push_back(session);
  }
  const bool too_many_red =
      static_cast<int>(red.size()) >= policy.regress_red_sessions_at_least;

  std::vector<PainPoint> pain_before;
  for (const SessionRecord& session : input.sessions) {
    if (session.pain_before.has_value()) {
      pain_before.push_back({session.performed_at, *session.pain_before});
    }
  }
  const PainTrend trend = SummarizePainTrend(
      pain_before, input.initial_nprs_now, input.now, policy.worsening);
  if (!too_many_red && !trend.worsened) return std::nullopt;

  std::vector<std::string> triggers;
  if (too_many_red) {
    triggers.push_back(absl::StrFormat("%d RED sessions in the last %d days",
                                       static_cast<int>(red.size()),
                                       policy.red_window_days));
  }
  if (trend.worsened) {
    triggers.push_back(absl::StrFormat(
        "average pain before exercise %.1f over the last %d days is at least "
        "the initial NPRS %d + %d",
        *trend.recent_average, policy.worsening.recent_days,
        *input.initial_nprs_now, policy.worsening.worsening_points));
  }
  std::vector<std::string> slugs = ExercisesDone(too_many_red ? red : week);
  if (slugs.empty()) slugs = input.current_exercises;

  Recommendation recommendation{.kind = RecommendationKind::kRegress};
  recommendation.steps = Steps(slugs, directory, /*regress=*/true);
  const std::string action = DescribeSteps(recommendation.steps, true);
  recommendation.reasons.push_back(
      absl::StrCat(triggers.front(), ": ", action));
  for (size_t i = 1; i < triggers.size(); ++i) {
    recommendation.reasons.push_back(triggers[i]);
  }
  return recommendation;
}

}  // namespace

std::string_view RecommendationKindName(RecommendationKind kind) {
  switch (kind) {
    case RecommendationKind::kProgress:
      return "PROGRESS";
    case RecommendationKind::kHold:
      return "HOLD";
    case RecommendationKind::kRegress:
      return "REGRESS";
    case RecommendationKind::kRefer:
      return "REFER";
  }
  return "UNKNOWN";
}

Recommendation Recommend(const RecommendationInput& input,
                         const ExerciseDirectory& directory,
                         const RecommendationPolicy& policy) {
  if (input.latest_disposition == AssessmentDisposition::kRefer) {
    return {.kind = RecommendationKind::kRefer,
            .reasons = {"the latest assessment has a red flag (disposition "
                        "REFER): stop the program and refer"}};
  }
  if (std::optional<Recommendation> regress =
          RegressIfNeeded(input, directory, policy)) {
    return *std::move(regress);
  }

  // PROGRESS needs every condition; each unmet one is a HOLD reason.
  const int window_days = policy.progress_window_days;
  const DayWindow window = LastDays(input.now, window_days);
  std::vector<std::string> met;
  std::vector<std::string> unmet;

  const std::string revision_days =
      absl::StrFormat("%s on the current plan revision",
                      Plural(input.days_on_current_revision, "day", "days"));
  if (input.days_on_current_revision >= policy.progress_min_days_on_revision) {
    met.push_back(revision_days);
  } else {
    unmet.push_back(absl::StrFormat("%s (progress needs %d)", revision_days,
                                    policy.progress_min_days_on_revision));
  }

  std::vector<absl::Time> times;
  for (const SessionRecord& session : input.sessions) {
    if (session.performed_at <= input.now)
      times.push_back(session.performed_at);
  }
  const Adherence adherence = ComputeAdherence(
      input.active_periods, times, window,
      {.adherent_at_least_percent = policy.progress_min_adherence_percent});
  if (!adherence.overall.display_percent().has_value()) {
    unmet.push_back(absl::StrFormat(
        "no sessions prescribed in the last %d days (plan not ACTIVE)",
        window_days));
  } else {
    const std::string words = absl::StrFormat(
        "adherence %d %% over %d days, %d of %s sessions",
        *adherence.overall.display_percent(), window_days,
        adherence.overall.logged, FormatPrescribed(adherence.overall));
    if (adherence.adherent) {
      met.push_back(words);
    } else {
      unmet.push_back(absl::StrFormat("%s (progress needs %d %%)", words,
                                      policy.progress_min_adherence_percent));
    }
  }

  const std::vector<const SessionRecord*> recent =
      SessionsIn(input.sessions, window, input.now);
  int amber = 0;
  int red = 0;
  int done = 0;
  int prescribed = 0;
  for (const SessionRecord* session : recent) {
    amber += session->light == TrafficLight::kAmber;
    red += session->light == TrafficLight::kRed;
    done += static_cast<int>(session->exercises_done.size());
    prescribed += static_cast<int>(session->exercises_done.size() +
                                   session->exercises_skipped.size());
  }
  if (recent.empty()) {
    unmet.push_back(
        absl::StrFormat("no sessions logged in the last %d days", window_days));
  } else {
    if (amber + red == 0) {
      met.push_back(absl::StrFormat(
          "all %s in the last %d days GREEN",
          Plural(static_cast<int>(recent.size()), "session", "sessions"),
          window_days));
    } else {
      std::vector<std::string> counts;
      if (amber > 0) counts.push_back(absl::StrCat(amber, " AMBER"));
      if (red > 0) counts.push_back(absl::StrCat(red, " RED"));
      unmet.push_back(absl::StrFormat(
          "%s of %s in the last %d days (progress needs every session GREEN)",
          absl::StrJoin(counts, " and "),
          Plural(static_cast<int>(recent.size()), "session", "sessions"),
          window_days));
    }
    if (prescribed == 0) {
      unmet.push_back(absl::StrFormat(
          "no exercises recorded in the sessions of the last %d days",
          window_days));
    } else {
      const std::string words = absl::StrFormat(
          "%d %% of prescribed exercises completed (%d of %d)",
          static_cast<int>(int64_t{done} * 100 / prescribed), done, prescribed);
      if (int64_t{done} * 100 >=
          int64_t{policy.progress_min_completion_percent} * prescribed) {
        met.push_back(words);
      } else {
        unmet.push_back(
            absl::StrFormat("%s (progress needs %d %%)", words,
                            policy.progress_min_completion_percent));
      }
    }
  }

  if (!unmet.empty()) {
    return {.kind = RecommendationKind::kHold, .reasons = std::move(unmet)};
  }

  Recommendation recommendation{.kind = RecommendationKind::kProgress,
                                .reasons = std::move(met)};
  if (input.next_phase.has_value()) {
    recommendation.next_phase = input.next_phase;
    recommendation.reasons.push_back(
        absl::StrCat("move on to the ", input.next_phase->display_name,
                     " phase (", input.next_phase->slug, ")"));
    return recommendation;
  }
  std::vector<std::string> slugs = input.current_exercises;
  if (slugs.empty()) slugs = ExercisesDone(recent);
  recommendation.steps = Steps(slugs, directory, /*regress=*/false);
  recommendation.reasons.push_back(
      DescribeSteps(recommendation.steps, /*regress=*/false));
  return recommendation;
}

}  // namespace corebalance::progress
