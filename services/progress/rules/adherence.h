#ifndef COREBALANCE_SERVICES_PROGRESS_RULES_ADHERENCE_H_
#define COREBALANCE_SERVICES_PROGRESS_RULES_ADHERENCE_H_

// Sessions logged against sessions prescribed, counting only the days the
// plan was ACTIVE.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "services/progress/rules/days.h"

namespace corebalance::progress {

// A stretch of time the plan was ACTIVE at one frequency: [start, end).
// Pauses, completion and cancellation end a period; a revision that changes
// the frequency starts a new one.
struct ActivePeriod {
  absl::Time start = {};
  absl::Time end = absl::InfiniteFuture();
  int frequency_per_week = 0;
};

// One entry of a plan's status history: from `at` on, the plan is ACTIVE
// (at `frequency_per_week`) or not (PAUSED, COMPLETED, CANCELLED).
struct PlanStatusChange {
  absl::Time at = {};
  bool active = false;
  int frequency_per_week = 0;
};

// The ACTIVE periods of a status history (any order). A change that keeps
// the plan ACTIVE at another frequency closes one period and opens the next.
std::vector<ActivePeriod> ActivePeriodsFromHistory(
    std::span<const PlanStatusChange> changes);

// Clinic policy: ">= 80 % counts as adherent" (common trial definition).
struct AdherencePolicy {
  int adherent_at_least_percent = 80;
};

// Counts over some days. Sessions prescribed are kept in sevenths of a
// session (frequency x active days) so that comparisons are exact.
struct SessionCounts {
  DayWindow days = {};
  int active_days = 0;
  int prescribed_sevenths = 0;
  int logged = 0;

  double prescribed_sessions() const { return prescribed_sevenths / 7.0; }
  // floor(100 x logged / prescribed); may exceed 100 when the patient does
  // more than prescribed. nullopt when nothing was prescribed. Rounded down
  // so that a displayed 80 % always means adherent.
  std::optional<int> percent() const;
  // percent() capped at 100, for display.
  std::optional<int> display_percent() const;
  // logged / prescribed >= `at_least_percent` %, exactly; false when nothing
  // was prescribed.
  bool AtLeast(int at_least_percent) const;
};

struct Adherence {
  SessionCounts overall = {};
  // One per calendar week (Monday..Sunday) the window touches, clipped to
  // the window, oldest first.
  std::vector<SessionCounts> weeks = {};
  bool adherent = false;
};

// Sessions prescribed for people: "10", or "10.7" over part of a week.
std::string FormatPrescribed(const SessionCounts& counts);

// Prescribed: for each UTC day of `window` on which the plan was ACTIVE at
// any moment, frequency / 7 sessions (the frequency of the latest period
// touching that day). Logged: sessions performed on those days; a session
// on a day the plan was not ACTIVE counts for neither side.
Adherence ComputeAdherence(std::span<const ActivePeriod> periods,
                           std::span<const absl::Time> sessions,
                           DayWindow window,
                           const AdherencePolicy& policy = {});

// Whole UTC days from the latest session at or before `now` to `now` (0: a
// session today); nullopt when there is none.
std::optional<int> DaysSinceLastSession(std::span<const absl::Time> sessions,
                                        absl::Time now);

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_RULES_ADHERENCE_H_
