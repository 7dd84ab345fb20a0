#include "services/intake/assessment_convert.h"

#include "absl/strings/str_cat.h"
#include "services/common/validation.h"
#include "services/intake/dates.h"
#include "services/intake/names.h"
#include "services/intake/rules/odi.h"
#include "services/intake/rules/validate_assessment.h"

namespace corebalance::intake {
namespace {

using Result = v1::AssessmentResult;

constexpr size_t kMaxNotesChars = 10000;

template <typename T>
std::optional<T> OptionalOf(bool has, T value) {
  return has ? std::optional<T>(value) : std::nullopt;
}

void ReadKindAndDates(const v1::Assessment& a, absl::CivilDay today,
                      AssessmentInput& input, FieldViolations& out) {
  switch (a.kind()) {
    case v1::Assessment::KIND_INITIAL:
      input.kind = AssessmentKind::kInitial;
      break;
    case v1::Assessment::KIND_FOLLOW_UP:
      input.kind = AssessmentKind::kFollowUp;
      break;
    default:
      out.push_back(
          {"assessment.kind", "is required: KIND_INITIAL or KIND_FOLLOW_UP"});
      // Validate the rest by the laxer kind so only definite problems show.
      input.kind = AssessmentKind::kFollowUp;
  }
  input.assessed_on =
      DateFromProto(a.assessment_date(), "assessment.assessment_date", out)
          .value_or(today);
  if (input.assessed_on > today) {
    out.push_back(
        {"assessment.assessment_date",
         absl::StrCat("must not be in the future (today is ",
                      absl::FormatCivilTime(today), " in the clinic)")});
    input.assessed_on = today;
  }
  input.pain_onset_date =
      DateFromProto(a.pain_onset_date(), "assessment.pain_onset_date", out);
  input.pain_duration_weeks =
      OptionalOf(a.has_pain_duration_weeks(), a.pain_duration_weeks());
}

void ReadMeasures(const v1::Assessment& a, AssessmentInput& input,
                  FieldViolations& out) {
  input.nprs_now = a.nprs_now();
  input.nprs_best = OptionalOf(a.has_nprs_best(), a.nprs_best());
  input.nprs_worst = OptionalOf(a.has_nprs_worst(), a.nprs_worst());
  for (const v1::OdiSection& section : a.odi_sections()) {
    input.odi_sections.push_back(
        OptionalOf(section.has_score(), section.score()));
  }
  if (!a.odi_version().empty() && a.odi_version() != kOdiVersion) {
    out.push_back(
        {"assessment.odi_version",
         absl::StrCat("only ODI version \"", std::string(kOdiVersion),
                      "\" is supported, got \"", a.odi_version(), "\"")});
  }
  input.start_back_answers.assign(a.start_back_answers().begin(),
                                  a.start_back_answers().end());
  for (int i = 0; i < a.red_flags_size(); ++i) {
    if (auto flag = RedFlagFromProto(a.red_flags(i))) {
      input.red_flags.push_back(*flag);
    } else {
      out.push_back({absl::StrCat("assessment.red_flags[", i, "]"),
                     absl::StrCat("must be a known red flag other than "
                                  "RED_FLAG_UNSPECIFIED, got ",
                                  a.red_flags(i))});
    }
  }
  input.sedentary_hours_per_day =
      OptionalOf(a.has_sedentary_hours_per_day(), a.sedentary_hours_per_day());
  input.walking_minutes_per_day =
      OptionalOf(a.has_walking_minutes_per_day(), a.walking_minutes_per_day());
}

Result::Chronicity ChronicityToProto(Chronicity c) {
  switch (c) {
    case Chronicity::kAcute:
      return Result::CHRONICITY_ACUTE;
    case Chronicity::kSubacute:
      return Result::CHRONICITY_SUBACUTE;
    case Chronicity::kChronic:
      return Result::CHRONICITY_CHRONIC;
  }
  return Result::CHRONICITY_UNSPECIFIED;
}

Result::OdiBand OdiBandToProto(OdiBand band) {
  switch (band) {
    case OdiBand::kMinimal:
      return Result::ODI_BAND_MINIMAL;
    case OdiBand::kModerate:
      return Result::ODI_BAND_MODERATE;
    case OdiBand::kSevere:
      return Result::ODI_BAND_SEVERE;
    case OdiBand::kCrippled:
      return Result::ODI_BAND_CRIPPLED;
    case OdiBand::kBedBound:
      return Result::ODI_BAND_BED_BOUND;
  }
  return Result::ODI_BAND_UNSPECIFIED;
}

Result::StartBackRisk RiskToProto(StartBackRisk risk) {
  switch (risk) {
    case StartBackRisk::kLow:
      return Result::START_BACK_RISK_LOW;
    case StartBackRisk::kMedium:
      return Result::START_BACK_RISK_MEDIUM;
    case StartBackRisk::kHigh:
      return Result::START_BACK_RISK_HIGH;
  }
  return Result::START_BACK_RISK_UNSPECIFIED;
}

// The plan template ids of the prescription service's catalogue.
const char* TemplateIdOf(ProgramPhase phase) {
  switch (phase) {
    case ProgramPhase::kFoundation:
      return "foundation";
    case ProgramPhase::kStability:
      return "stability";
    case ProgramPhase::kStrengthAndBalance:
      return "strength-balance";
  }
  return "foundation";
}

v1::MeasureChange MeasureToProto(const MeasureChange& m) {
  v1::MeasureChange out;
  out.set_baseline(m.baseline);
  out.set_follow_up(m.follow_up);
  out.set_absolute_change(m.absolute_change);
  if (m.percent_change) out.set_percent_change(*m.percent_change);
  out.set_important_improvement(m.important_improvement);
  return out;
}

}  // namespace

std::optional<RedFlag> RedFlagFromProto(int value) {
  if (value == v1::RED_FLAG_UNSPECIFIED || !v1::RedFlag_IsValid(value) ||
      !IsKnownRedFlag(value - 1)) {
    return std::nullopt;
  }
  return static_cast<RedFlag>(value - 1);
}

v1::RedFlag RedFlagToProto(RedFlag flag) {
  return static_cast<v1::RedFlag>(static_cast<int>(flag) + 1);
}

SubmittedAssessment ReadSubmittedAssessment(const v1::Assessment& assessment,
                                            const std::string& patient_id,
                                            absl::CivilDay today,
                                            FieldViolations& out) {
  SubmittedAssessment s;
  ReadKindAndDates(assessment, today, s.input, out);
  ReadMeasures(assessment, s.input, out);
  for (FieldViolation& v : ValidateAssessment(s.input)) {
    out.push_back(std::move(v));
  }
  CheckOptionalText("assessment.notes", assessment.notes(), kMaxNotesChars,
                    out);
  if (!assessment.supersedes().empty()) {
    auto corrected = ParseAssessmentName(assessment.supersedes());
    if (!corrected || corrected->patient_id != patient_id) {
      out.push_back(
          {"assessment.supersedes",
           absl::StrCat("must name an assessment of the same "
                        "patient, like \"",
                        AssessmentName(patient_id, "abc123"), "\", got \"",
                        assessment.supersedes(), "\"")});
    } else {
      s.supersedes_id = corrected->assessment_id;
    }
  }
  return s;
}

v1::AssessmentResult ResultToProto(const AssessmentScores& scores) {
  v1::AssessmentResult out;
  if (scores.chronicity) {
    out.set_chronicity(ChronicityToProto(*scores.chronicity));
  }
  out.set_odi_sections_answered(scores.odi.sections_answered);
  out.set_odi_scorable(scores.odi.scorable());
  if (scores.odi.percent) out.set_odi_percent(*scores.odi.percent);
  if (scores.odi.band) out.set_odi_band(OdiBandToProto(*scores.odi.band));
  if (scores.start_back) {
    out.set_start_back_screened(true);
    out.set_start_back_total(scores.start_back->total);
    out.set_start_back_psychosocial_subscore(scores.start_back->psychosocial);
    out.set_start_back_risk(RiskToProto(scores.start_back->risk));
  }
  const DispositionResult& d = scores.disposition;
  for (RedFlag flag : d.red_flags)
    out.add_red_flags_present(RedFlagToProto(flag));
  out.set_disposition(d.disposition == Disposition::kRefer
                          ? Result::DISPOSITION_REFER
                          : Result::DISPOSITION_PROCEED);
  for (const auto& reason : d.reasons) out.add_disposition_reasons(reason);
  for (const auto& advice : d.advice) out.add_advice(advice);
  const StartingPlan& plan = scores.starting_plan;
  out.set_starting_plan_template(PlanTemplateName(TemplateIdOf(plan.phase)));
  out.set_dose_level(plan.dose == DoseLevel::kReduced
                         ? v1::DOSE_LEVEL_REDUCED
                         : v1::DOSE_LEVEL_STANDARD);
  for (const auto& reason : plan.reasons) out.add_starting_plan_reasons(reason);
  return out;
}

v1::OutcomeChange ChangeToProto(const OutcomeChange& change,
                                const std::string& initial_assessment_name) {
  v1::OutcomeChange out;
  out.set_initial_assessment(initial_assessment_name);
  *out.mutable_nprs() = MeasureToProto(change.nprs);
  if (change.odi) *out.mutable_odi() = MeasureToProto(*change.odi);
  return out;
}

}  // namespace corebalance::intake
