#include "services/server/targets.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace corebalance::server {

std::vector<Target> AllTargets() {
  return {Target::kAccess, Target::kIntake, Target::kPrescription,
          Target::kProgress};
}

absl::string_view TargetName(Target target) {
  switch (target) {
    case Target::kAccess:
      return "access";
    case Target::kIntake:
      return "intake";
    case Target::kPrescription:
      return "prescription";
    case Target::kProgress:
      return "progress";
  }
  return "unknown";
}

absl::StatusOr<std::vector<Target>> ParseTargets(absl::string_view spec) {
  std::vector<Target> out;
  for (absl::string_view part :
       absl::StrSplit(spec, ',', absl::SkipWhitespace())) {
    part = absl::StripAsciiWhitespace(part);
    if (part == "all") {
      return AllTargets();
    }
    bool known = false;
    for (Target t : AllTargets()) {
      if (part == TargetName(t)) {
        if (!Hosts(out, t)) out.push_back(t);
        known = true;
      }
    }
    if (!known) {
      std::vector<std::string> names{"all"};
      for (Target t : AllTargets()) names.emplace_back(TargetName(t));
      return absl::InvalidArgumentError(
          absl::StrCat("--target: unknown service \"", part,
                       "\"; valid: ", absl::StrJoin(names, ", ")));
    }
  }
  if (out.empty()) {
    return absl::InvalidArgumentError("--target: name at least one service");
  }
  return out;
}

bool Hosts(const std::vector<Target>& targets, Target target) {
  return std::find(targets.begin(), targets.end(), target) != targets.end();
}

}  // namespace corebalance::server
