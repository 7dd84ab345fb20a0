#include "services/progress/summary.h"

#include <algorithm>
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "services/common/sql_time.h"
#include "services/common/validation.h"
#include "services/progress/plan_periods.h"
#include "services/progress/rules/adherence.h"
#include "services/progress/rules/days.h"
#include "services/progress/rules/recommend.h"
#include "services/progress/rules/trend.h"
#include "services/progress/session_proto.h"

namespace corebalance::progress {
namespace {

// The template of the lowest phase above the current template's; nullopt
// when the plan follows no template or the last phase.
std::optional<PhaseRef> NextPhase(const std::string& current,
                                  const std::vector<v1::PlanTemplate>& all) {
  const v1::PlanTemplate* now = nullptr;
  for (const auto& t : all) {
    if (t.name() == current) now = &t;
  }
  if (now == nullptr) return std::nullopt;
  const v1::PlanTemplate* next = nullptr;
  for (const auto& t : all) {
    if (t.phase() > now->phase() &&
        (next == nullptr || t.phase() < next->phase())) {
      next = &t;
    }
  }
  if (next == nullptr) return std::nullopt;
  return PhaseRef{IdFromName(next->name(), "planTemplates"),
                  next->display_name()};
}

google::type::Date ToDate(absl::CivilDay day) {
  google::type::Date d;
  d.set_year(static_cast<int>(day.year()));
  d.set_month(day.month());
  d.set_day(day.day());
  return d;
}

v1::AdherencePeriod ToProto(const SessionCounts& c) {
  v1::AdherencePeriod p;
  *p.mutable_first_day() = ToDate(c.days.first);
  *p.mutable_last_day() = ToDate(c.days.last);
  p.set_active_days(c.active_days);
  p.set_sessions_prescribed(c.prescribed_sessions());
  p.set_sessions_logged(c.logged);
  if (auto percent = c.display_percent()) p.set_adherence_percent(*percent);
  return p;
}

std::optional<int> InitialNprs(const std::vector<v1::Assessment>& newest) {
  for (auto it = newest.rbegin(); it != newest.rend(); ++it) {
    if (it->kind() == v1::Assessment::KIND_INITIAL) return it->nprs_now();
  }
  return std::nullopt;
}

AssessmentDisposition Disposition(const std::vector<v1::Assessment>& newest) {
  if (newest.empty()) return AssessmentDisposition::kUnknown;
  switch (newest.front().result().disposition()) {
    case v1::AssessmentResult::DISPOSITION_PROCEED:
      return AssessmentDisposition::kProceed;
    case v1::AssessmentResult::DISPOSITION_REFER:
      return AssessmentDisposition::kRefer;
    default:
      return AssessmentDisposition::kUnknown;
  }
}

ExerciseDirectory DirectoryOf(const std::vector<v1::Exercise>& catalogue) {
  ExerciseDirectory directory;
  for (const auto& e : catalogue) {
    directory[IdFromName(e.name(), "exercises")] = {
        e.display_name(), IdFromName(e.regression(), "exercises"),
        IdFromName(e.progression(), "exercises")};
  }
  return directory;
}

v1::Recommendation::Kind ToProtoKind(RecommendationKind kind) {
  switch (kind) {
    case RecommendationKind::kProgress:
      return v1::Recommendation::KIND_PROGRESS;
    case RecommendationKind::kHold:
      return v1::Recommendation::KIND_HOLD;
    case RecommendationKind::kRegress:
      return v1::Recommendation::KIND_REGRESS;
    case RecommendationKind::kRefer:
      return v1::Recommendation::KIND_REFER;
  }
  return v1::Recommendation::KIND_UNSPECIFIED;
}

std::string ExerciseName(const std::string& slug) {
  return slug.empty() ? "" : absl::StrCat("exercises/", slug);
}

}  // namespace

int SummaryLookbackDays(int window_days, const ProgressRules& rules) {
  return std::max({window_days, rules.recommendation.progress_window_days,
                   rules.recommendation.red_window_days,
                   rules.recommendation.worsening.recent_days});
}

v1::ProgressSummary BuildSummary(const SummaryInput& in,
                                 const ProgressRules& rules) {
  v1::ProgressSummary out;
  out.set_patient(in.patient_name);
  const DayWindow window = LastDays(in.now, in.window_days);
  std::vector<const StoredSession*> in_window;
  for (const auto& s : in.sessions) {
    if (s.performed_at <= in.now && window.Contains(UtcDay(s.performed_at))) {
      in_window.push_back(&s);
    }
  }

  // Adherence against the ACTIVE plan's history.
  std::vector<ActivePeriod> periods;
  if (in.plan) {
    out.set_plan(in.plan->name());
    periods = ActivePeriodsOf(in.revisions);
  }
  std::vector<absl::Time> times;
  for (const auto* s : in_window) times.push_back(s->performed_at);
  const Adherence adherence = ComputeAdherence(periods, times, window);
  *out.mutable_adherence() = ToProto(adherence.overall);
  for (const auto& week : adherence.weeks) *out.add_weeks() = ToProto(week);
  if (in.last_session) {
    const absl::Time last[] = {*in.last_session};
    if (auto days = DaysSinceLastSession(last, in.now)) {
      out.set_days_since_last_session(*days);
    }
  }

  // Pain before exercise: the recent average over all sessions read, the
  // slope over the window.
  const std::optional<int> initial_nprs = InitialNprs(in.assessments);
  std::vector<PainPoint> all_points;
  std::vector<PainPoint> window_points;
  for (const auto& s : in.sessions) {
    if (!s.pain_before) continue;
    all_points.push_back({s.performed_at, *s.pain_before});
    if (window.Contains(UtcDay(s.performed_at))) {
      window_points.push_back({s.performed_at, *s.pain_before});
    }
  }
  const PainTrend trend = SummarizePainTrend(all_points, initial_nprs, in.now,
                                             rules.recommendation.worsening);
  v1::PainTrendSummary& pain = *out.mutable_pain_trend();
  if (initial_nprs) pain.set_baseline(*initial_nprs);
  if (trend.recent_average) pain.set_recent_average(*trend.recent_average);
  if (auto slope = PainSlopePerWeek(window_points)) {
    pain.set_slope_per_week(*slope);
  }
  pain.set_worsened(trend.worsened);

  // Traffic lights and exercise completion over the window.
  std::map<std::string, std::pair<int, int>> completion;
  for (const auto* s : in_window) {
    switch (s->traffic_light) {
      case v1::Session::TRAFFIC_LIGHT_GREEN:
        out.set_green_sessions(out.green_sessions() + 1);
        break;
      case v1::Session::TRAFFIC_LIGHT_AMBER:
        out.set_amber_sessions(out.amber_sessions() + 1);
        break;
      case v1::Session::TRAFFIC_LIGHT_RED:
        out.set_red_sessions(out.red_sessions() + 1);
        break;
      default:
        break;
    }
    for (const auto& e : s->exercises) {
      auto& counts = completion[e.slug];
      (e.completed ? counts.first : counts.second) += 1;
    }
  }
  for (const auto& [slug, counts] : completion) {
    v1::ExerciseCompletion* e = out.add_exercises();
    e->set_exercise(ExerciseName(slug));
    e->set_completed(counts.first);
    e->set_skipped(counts.second);
  }

  // The latest follow-up against the initial assessment.
  for (const auto& a : in.assessments) {
    if (a.kind() == v1::Assessment::KIND_FOLLOW_UP) {
      *out.mutable_outcome_change() = a.result().change_from_initial();
      break;
    }
  }

  RecommendationInput rec;
  rec.latest_disposition = Disposition(in.assessments);
  rec.initial_nprs_now = initial_nprs;
  for (const auto& s : in.sessions) rec.sessions.push_back(ToSessionRecord(s));
  rec.active_periods = periods;
  if (in.plan) {
    rec.days_on_current_revision = static_cast<int>(
        absl::ToInt64Hours(in.now - FromProtoTime(in.plan->adjust_time())) /
        24);
    for (const auto& e : in.plan->exercises()) {
      rec.current_exercises.push_back(IdFromName(e.exercise(), "exercises"));
    }
    rec.next_phase =
        NextPhase(in.plan->plan_template(), in.catalogue->templates);
  }
  rec.now = in.now;
  const Recommendation recommendation = Recommend(
      rec, DirectoryOf(in.catalogue->exercises), rules.recommendation);
  v1::Recommendation& r = *out.mutable_recommendation();
  r.set_kind(ToProtoKind(recommendation.kind));
  for (const auto& reason : recommendation.reasons) r.add_reasons(reason);
  for (const auto& step : recommendation.steps) {
    v1::Recommendation::Step* s = r.add_steps();
    s->set_exercise(ExerciseName(step.slug));
    s->set_display_name(step.name);
    s->set_to_exercise(ExerciseName(step.to_slug));
    s->set_to_display_name(step.to_name);
  }
  if (recommendation.next_phase) {
    r.set_next_plan_template(
        absl::StrCat("planTemplates/", recommendation.next_phase->slug));
    r.set_next_plan_template_display_name(
        recommendation.next_phase->display_name);
  }
  return out;
}

}  // namespace corebalance::progress
