#include "services/prescription/request_checks.h"

#include <google/protobuf/util/field_mask_util.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/common/errors.h"
#include "services/common/validation.h"
#include "services/prescription/convert.h"
#include "services/prescription/plan_builder.h"

namespace corebalance::prescription {
namespace {

constexpr size_t kMaxEquipmentItems = 10;
constexpr size_t kMaxEquipmentChars = 40;

bool IsEquipmentItem(const std::string& item) {
  if (item.empty() || item.size() > kMaxEquipmentChars) return false;
  if (item.front() == ' ' || item.back() == ' ') return false;
  for (char c : item) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == ' ' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// "exercises/{slug}" of a link (regression or progression) -> its slug;
// empty for no link. Must be visible and not the exercise itself.
std::string CheckLink(const std::string& name, const std::string& field,
                      const std::string& self,
                      const std::map<std::string, Dose>& known,
                      FieldViolations& out) {
  if (name.empty()) return {};
  std::string slug = IdFromName(name, "exercises");
  if (slug.empty()) {
    out.push_back({field, absl::StrCat("must be a resource name like "
                                       "\"exercises/glute-bridge\", got \"",
                                       name, "\"")});
  } else if (slug == self) {
    out.push_back({field, "an exercise cannot link to itself"});
  } else if (!known.count(slug)) {
    out.push_back({field, absl::StrCat("no such exercise: ", name)});
  }
  return slug;
}

}  // namespace

absl::StatusOr<PlanKey> ParsePlan(const std::string& name,
                                  absl::string_view field) {
  auto key = ParsePlanName(name);
  if (!key) {
    return InvalidArgumentError(
        std::string(field),
        absl::StrCat("must be a resource name like "
                     "\"patients/abc123/plans/def456\", got \"",
                     name, "\""));
  }
  return *key;
}

absl::Status CheckEtag(const std::string& etag, int revision,
                       const std::string& name) {
  if (etag.empty() || RevisionOfEtag(etag) == revision) return absl::OkStatus();
  return EtagMismatchError(name);
}

void CheckReason(absl::string_view field, const std::string& reason,
                 FieldViolations& out) {
  CheckRequiredText(field, reason, 1000, out);
}

absl::StatusOr<std::set<std::string>> CheckMask(
    const google::protobuf::FieldMask& mask,
    const std::vector<std::string>& updatable) {
  std::set<std::string> paths;
  for (const std::string& path : mask.paths()) {
    if (path == "*") {
      paths.insert(updatable.begin(), updatable.end());
      continue;
    }
    if (std::find(updatable.begin(), updatable.end(), path) ==
        updatable.end()) {
      return InvalidArgumentError(
          "update_mask",
          absl::StrCat("cannot update \"", path, "\"; updatable: ",
                       absl::StrJoin(updatable, ", "), ", *"));
    }
    paths.insert(path);
  }
  if (paths.empty()) {
    return InvalidArgumentError(
        "update_mask", absl::StrCat("name the fields to update (",
                                    absl::StrJoin(updatable, ", "), ", *)"));
  }
  return paths;
}

void MergeMasked(const google::protobuf::Message& update,
                 const std::set<std::string>& paths,
                 google::protobuf::Message* stored) {
  google::protobuf::FieldMask mask;
  for (const auto& p : paths) mask.add_paths(p);
  google::protobuf::util::FieldMaskUtil::MergeOptions options;
  options.set_replace_message_fields(true);
  options.set_replace_repeated_fields(true);
  google::protobuf::util::FieldMaskUtil::MergeMessageTo(update, mask, options,
                                                        stored);
}

ExerciseRecord ExerciseFromProto(const v1::Exercise& in,
                                 const std::string& slug,
                                 const std::map<std::string, Dose>& known,
                                 const DoseLimits& limits,
                                 FieldViolations& out) {
  ExerciseRecord e;
  e.slug = slug;
  e.display_name = in.display_name();
  CheckRequiredName("exercise.display_name", in.display_name(), 200, out);
  e.level = in.level();
  if (in.level() == v1::Exercise::LEVEL_UNSPECIFIED ||
      !v1::Exercise::Level_IsValid(in.level())) {
    out.push_back({"exercise.level",
                   "must be LEVEL_BEGINNER, LEVEL_INTERMEDIATE, "
                   "LEVEL_ADVANCED or LEVEL_ALL"});
  }
  e.body_region = in.body_region();
  CheckRequiredName("exercise.body_region", in.body_region(), 200, out);
  if (static_cast<size_t>(in.equipment_size()) > kMaxEquipmentItems) {
    out.push_back({"exercise.equipment",
                   absl::StrCat("at most ", kMaxEquipmentItems, " items")});
  }
  for (int i = 0; i < in.equipment_size(); ++i) {
    const std::string& item = in.equipment(i);
    const std::string field = absl::StrCat("exercise.equipment[", i, "]");
    if (!IsEquipmentItem(item)) {
      out.push_back({field, absl::StrCat("must be 1..", kMaxEquipmentChars,
                                         " lower-case letters, digits, spaces "
                                         "or hyphens, got \"",
                                         item, "\"")});
    } else if (std::find(e.equipment.begin(), e.equipment.end(), item) !=
               e.equipment.end()) {
      out.push_back({field, absl::StrCat("\"", item, "\" is listed twice")});
    } else {
      e.equipment.push_back(item);
    }
  }
  e.instructions = in.instructions();
  CheckRequiredText("exercise.instructions", in.instructions(), 5000, out);
  if (!in.has_default_dose()) {
    out.push_back({"exercise.default_dose", "is required"});
  } else {
    e.default_dose = FromProto(in.default_dose());
    for (auto& v :
         ValidateDose(e.default_dose, "exercise.default_dose", limits)) {
      out.push_back(std::move(v));
    }
  }
  e.regression_slug =
      CheckLink(in.regression(), "exercise.regression", slug, known, out);
  e.progression_slug =
      CheckLink(in.progression(), "exercise.progression", slug, known, out);
  return e;
}

TemplateRecord TemplateFromProto(const v1::PlanTemplate& in,
                                 const std::map<std::string, Dose>& known,
                                 const DoseLimits& limits,
                                 FieldViolations& out) {
  TemplateRecord t;
  t.display_name = in.display_name();
  CheckRequiredName("plan_template.display_name", in.display_name(), 200, out);
  t.description = in.description();
  CheckOptionalText("plan_template.description", in.description(), 2000, out);
  t.phase = in.phase();
  if (in.phase() < 1 || in.phase() > 10) {
    out.push_back({"plan_template.phase",
                   absl::StrCat("must be 1..10, got ", in.phase())});
  }
  t.first_week = in.first_week();
  t.last_week = in.last_week();
  const bool no_weeks = in.first_week() == 0 && in.last_week() == 0;
  if (!no_weeks &&
      !(1 <= in.first_week() && in.first_week() <= in.last_week() &&
        in.last_week() <= 104)) {
    out.push_back({"plan_template.first_week",
                   absl::StrCat("weeks must be both 0 or 1 <= first_week <= "
                                "last_week <= 104, got ",
                                in.first_week(), "..", in.last_week())});
  }
  t.exercises = BuildTemplateExercises(FromProto(in.exercises()), known, limits,
                                       "plan_template.exercises", out);
  return t;
}

}  // namespace corebalance::prescription
