#ifndef COREBALANCE_BENCH_SEED_SEED_PLAN_H_
#define COREBALANCE_BENCH_SEED_SEED_PLAN_H_

// Which patients the seeder makes: groups of patients alike in how many
// sessions they have over how many days (seed_file.h names the groups).

#include <map>
#include <string>
#include <vector>

#include "bench/common/seed_file.h"

namespace corebalance::bench {

struct GroupSpec {
  std::string name;
  int patients = 0;
  int sessions = 0;  // per patient
  int days = 0;      // the sessions are spread over the last `days` days
  bool plan = true;  // false: assessed only (for AssignPlan)
};

struct SeedPlanFlags {
  int patients = 1000;
  int sessions_per_patient = 365;
  int days = 365;
  int heavy_sessions = 365;
  std::vector<int> curve = {30, 100, 1000};
  int assign_patients = 50;
};

std::vector<GroupSpec> PlanGroups(const SeedPlanFlags& flags);

// How many patients each group still lacks, given those already in the seed
// file (a resumed run makes only the rest).
std::map<std::string, int> MissingPatients(
    const std::vector<GroupSpec>& groups,
    const std::vector<SeedPatient>& existing);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_SEED_SEED_PLAN_H_
