#include "bench/common/seed_file.h"

#include <fstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace corebalance::bench {
namespace {

constexpr int kColumns = 10;

bool ParseExercise(const std::string& text, SeedExercise& out) {
  std::vector<std::string> parts = absl::StrSplit(text, ':');
  if (parts.size() != 5 || parts[0].empty()) return false;
  out.slug = parts[0];
  return absl::SimpleAtoi(parts[1], &out.sets) &&
         absl::SimpleAtoi(parts[2], &out.reps) &&
         absl::SimpleAtoi(parts[3], &out.hold_seconds) &&
         absl::SimpleAtoi(parts[4], &out.duration_minutes);
}

}  // namespace

std::string SeedFileHeader() {
  return "# corebalance-bench seed v1: group patient plan plan_revision "
         "plan_start_unix sessions days initial_nprs logged_by exercises\n";
}

std::string SeedLine(const SeedPatient& p) {
  std::vector<std::string> exercises;
  for (const SeedExercise& e : p.exercises) {
    exercises.push_back(absl::StrCat(e.slug, ":", e.sets, ":", e.reps, ":",
                                     e.hold_seconds, ":", e.duration_minutes));
  }
  return absl::StrCat(p.group, "\t", p.patient_id, "\t", p.plan_id, "\t",
                      p.plan_revision, "\t", absl::ToUnixSeconds(p.plan_start),
                      "\t", p.sessions, "\t", p.days, "\t", p.initial_nprs,
                      "\t", p.logged_by, "\t", absl::StrJoin(exercises, ","),
                      "\n");
}

absl::StatusOr<SeedPatient> ParseSeedLine(const std::string& line) {
  std::vector<std::string> f = absl::StrSplit(line, '\t');
  if (f.size() != kColumns) {
    return absl::InvalidArgumentError(absl::StrCat(
        "want ", kColumns, " tab-separated columns, got ", f.size()));
  }
  SeedPatient p;
  p.group = f[0];
  p.patient_id = f[1];
  p.plan_id = f[2];
  int64_t start = 0;
  if (p.group.empty() || p.patient_id.empty() ||
      !absl::SimpleAtoi(f[3], &p.plan_revision) ||
      !absl::SimpleAtoi(f[4], &start) || !absl::SimpleAtoi(f[5], &p.sessions) ||
      !absl::SimpleAtoi(f[6], &p.days) ||
      !absl::SimpleAtoi(f[7], &p.initial_nprs)) {
    return absl::InvalidArgumentError("a number or id column is malformed");
  }
  p.plan_start = absl::FromUnixSeconds(start);
  p.logged_by = f[8];
  if (!f[9].empty()) {
    for (const std::string& text :
         std::vector<std::string>(absl::StrSplit(f[9], ','))) {
      SeedExercise e;
      if (!ParseExercise(text, e)) {
        return absl::InvalidArgumentError(
            absl::StrCat("exercise \"", text, "\" is not slug:s:r:h:d"));
      }
      p.exercises.push_back(std::move(e));
    }
  }
  return p;
}

absl::StatusOr<std::vector<SeedPatient>> ReadSeedFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(
        "cannot read the seed file ", path,
        " (write it with corebalance-bench-seed --out ", path, ")"));
  }
  std::vector<SeedPatient> out;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    auto patient = ParseSeedLine(line);
    if (!patient.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", patient.status().message()));
    }
    out.push_back(*std::move(patient));
  }
  return out;
}

std::map<std::string, std::vector<SeedPatient>> ByGroup(
    const std::vector<SeedPatient>& patients) {
  std::map<std::string, std::vector<SeedPatient>> out;
  for (const SeedPatient& p : patients) out[p.group].push_back(p);
  return out;
}

}  // namespace corebalance::bench
