#ifndef COREBALANCE_BENCH_COMMON_SEED_FILE_H_
#define COREBALANCE_BENCH_COMMON_SEED_FILE_H_

// The patients corebalance-bench-seed created, one tab-separated line each,
// so that the load generator and the raw-database baseline send requests the
// server accepts (its active plan, that plan's revision and exercises).
//
//   # corebalance-bench seed v1
//   group patient plan plan_revision plan_start sessions days initial_nprs
//     logged_by exercises
//
// `exercises` is slug:sets:reps:hold_seconds:duration_minutes, comma
// separated, in plan order. Groups: "main" (the clinic), "heavy" (the
// progress-summary patient), "curve<N>" (N sessions, one a day), "assign"
// (assessed, no plan: for AssignPlan and SubmitAssessment).

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace corebalance::bench {

struct SeedExercise {
  std::string slug;
  int sets = 0;
  int reps = 0;
  int hold_seconds = 0;
  int duration_minutes = 0;
};

struct SeedPatient {
  std::string group;
  std::string patient_id;
  std::string plan_id;  // empty: no plan (group "assign")
  int plan_revision = 0;
  absl::Time plan_start;  // what the plan's create_time is (backdated)
  int sessions = 0;       // sessions seeded over `days`
  int days = 0;
  int initial_nprs = 0;
  std::string logged_by;  // staffMembers/{id} that logs the sessions
  std::vector<SeedExercise> exercises;
};

// The header line every seed file starts with.
std::string SeedFileHeader();
// One line (with its newline).
std::string SeedLine(const SeedPatient& patient);
absl::StatusOr<SeedPatient> ParseSeedLine(const std::string& line);

// Every patient of the file; NOT_FOUND when it does not exist,
// INVALID_ARGUMENT naming the line when one is malformed.
absl::StatusOr<std::vector<SeedPatient>> ReadSeedFile(const std::string& path);

// The patients of each group.
std::map<std::string, std::vector<SeedPatient>> ByGroup(
    const std::vector<SeedPatient>& patients);

}  // namespace corebalance::bench

#endif  // COREBALANCE_BENCH_COMMON_SEED_FILE_H_
