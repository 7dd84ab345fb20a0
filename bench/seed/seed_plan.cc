#include "bench/seed/seed_plan.h"

#include "absl/strings/str_cat.h"

namespace corebalance::bench {

std::vector<GroupSpec> PlanGroups(const SeedPlanFlags& f) {
  std::vector<GroupSpec> groups;
  groups.push_back({"main", f.patients, f.sessions_per_patient, f.days});
  // The progress-summary patient and the curve: one session a day, so the
  // number of sessions is the length of the history.
  if (f.heavy_sessions > 0) {
    groups.push_back({"heavy", 1, f.heavy_sessions, f.heavy_sessions});
  }
  for (int n : f.curve) {
    if (n > 0) groups.push_back({absl::StrCat("curve", n), 1, n, n});
  }
  if (f.assign_patients > 0) {
    groups.push_back({"assign", f.assign_patients, 0, 0, /*plan=*/false});
  }
  return groups;
}

std::map<std::string, int> MissingPatients(
    const std::vector<GroupSpec>& groups,
    const std::vector<SeedPatient>& existing) {
  std::map<std::string, int> have;
  for (const SeedPatient& p : existing) ++have[p.group];
  std::map<std::string, int> missing;
  for (const GroupSpec& g : groups) {
    missing[g.name] = std::max(0, g.patients - have[g.name]);
  }
  return missing;
}

}  // namespace corebalance::bench
