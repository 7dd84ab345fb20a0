// corebalance intake record|list|show

#include <google/protobuf/util/json_util.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <optional>

#include "clients/cli/commands.h"
#include "clients/cli/intake_prompts.h"
#include "clients/cli/names.h"
#include "clients/cli/output.h"
#include "clients/cli/paging.h"
#include "clients/cli/parse_values.h"
#include "corebalance/v1/intake.grpc.pb.h"

namespace corebalance::cli {
namespace {

using v1::Assessment;
using v1::AssessmentResult;

struct IntakeFlags {
  std::string patient, assessment, file, kind = "initial", date, supersedes,
                                         onset_date, odi, start_back, notes,
                                         request_id;
  std::optional<int> duration_weeks, pain_now, pain_best, pain_worst,
      walking_minutes;
  std::optional<double> sedentary_hours;
  std::vector<std::string> red_flags;
  bool no_input = false;
  Paging paging;
};

std::string Disposition(const AssessmentResult& r) {
  const std::string words = EnumWords(
      AssessmentResult::Disposition_Name(r.disposition()), "DISPOSITION_");
  return r.disposition() == AssessmentResult::DISPOSITION_PROCEED
             ? Colour(words, "green")
             : Colour(words, "red");
}

std::string OdiText(const AssessmentResult& r) {
  if (!r.odi_scorable()) {
    return "not scorable (" + std::to_string(r.odi_sections_answered()) +
           " sections answered)";
  }
  char buffer[64];
  std::snprintf(
      buffer, sizeof buffer, "%.1f %% (%s)", r.odi_percent(),
      EnumWords(AssessmentResult::OdiBand_Name(r.odi_band()), "ODI_BAND_")
          .c_str());
  return buffer;
}

std::string StartBackText(const AssessmentResult& r) {
  if (!r.start_back_screened()) return "";
  return EnumWords(AssessmentResult::StartBackRisk_Name(r.start_back_risk()),
                   "START_BACK_RISK_") +
         " (total " + std::to_string(r.start_back_total()) + ", psychosocial " +
         std::to_string(r.start_back_psychosocial_subscore()) + ")";
}

std::string Lines(
    const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : "\n") + item;
  return text;
}

void PrintAssessment(const CliContext& context, const Assessment& a) {
  if (context.json()) return PrintJson(a);
  const AssessmentResult& r = a.result();
  std::string flags;
  for (int f : r.red_flags_present()) {
    flags +=
        (flags.empty() ? "" : ", ") +
        EnumWords(v1::RedFlag_Name(static_cast<v1::RedFlag>(f)), "RED_FLAG_");
  }
  PrintDetails({
      {"Name", a.name()},
      {"Kind", EnumWords(Assessment::Kind_Name(a.kind()), "KIND_")},
      {"Date", FormatDate(a.assessment_date())},
      {"Pain now (NPRS)", std::to_string(a.nprs_now())},
      {"Chronicity",
       EnumWords(AssessmentResult::Chronicity_Name(r.chronicity()),
                 "CHRONICITY_")},
      {"ODI", OdiText(r)},
      {"STarT Back", StartBackText(r)},
      {"Red flags", flags.empty() ? "none" : Colour(flags, "red")},
      {"Disposition", Disposition(r)},
      {"Why", Lines(r.disposition_reasons())},
      {"Advice", Lines(r.advice())},
      {"Starting plan", r.starting_plan_template()},
      {"Dose level",
       EnumWords(v1::DoseLevel_Name(r.dose_level()), "DOSE_LEVEL_")},
      {"Plan reasons", Lines(r.starting_plan_reasons())},
      {"Supersedes", a.supersedes()},
      {"Submitted by", a.submitted_by()},
  });
}

// Builds the assessment from flags; the caller checked --pain-now was given.
Assessment FromFlags(const IntakeFlags& f) {
  Assessment a;
  if (!f.onset_date.empty()) {
    *a.mutable_pain_onset_date() = ParseDate("--onset-date", f.onset_date);
  }
  if (f.duration_weeks) a.set_pain_duration_weeks(*f.duration_weeks);
  a.set_nprs_now(*f.pain_now);
  if (f.pain_best) a.set_nprs_best(*f.pain_best);
  if (f.pain_worst) a.set_nprs_worst(*f.pain_worst);
  if (!f.odi.empty()) {
    for (int score : ParseIntList("--odi", f.odi)) {
      v1::OdiSection* section = a.add_odi_sections();
      if (score >= 0) section->set_score(score);
    }
  }
  if (!f.start_back.empty()) {
    for (int answer : ParseIntList("--start-back", f.start_back)) {
      a.add_start_back_answers(answer);
    }
  }
  for (const std::string& flag : f.red_flags) {
    v1::RedFlag value;
    if (!v1::RedFlag_Parse("RED_FLAG_" + UpperSnake(flag), &value)) {
      throw CliError(kExitUsage,
                     "--red-flag: unknown red flag \"" + flag +
                         "\" (see `corebalance intake record --help`)");
    }
    a.add_red_flags(value);
  }
  if (f.sedentary_hours) a.set_sedentary_hours_per_day(*f.sedentary_hours);
  if (f.walking_minutes) a.set_walking_minutes_per_day(*f.walking_minutes);
  a.set_notes(f.notes);
  return a;
}

Assessment FromFile(const std::string& path) {
  Assessment a;
  google::protobuf::util::JsonParseOptions options;
  const auto status = google::protobuf::util::JsonStringToMessage(
      ReadWholeFile(path), &a, options);
  if (!status.ok()) {
    throw CliError(kExitUsage, path + ": not an Assessment in protobuf JSON: " +
                                   std::string(status.message()));
  }
  return a;
}

std::string RedFlagChoices() {
  std::string text;
  const auto* descriptor = v1::RedFlag_descriptor();
  for (int i = 1; i < descriptor->value_count(); ++i) {
    std::string name = descriptor->value(i)->name().substr(9);
    for (char& c : name)
      c = c == '_' ? '-' : static_cast<char>(std::tolower(c));
    text += "\n  " + name;
  }
  return text;
}

}  // namespace

void AddIntakeCommands(CLI::App& app, CliContext& context) {
  CLI::App* group =
      app.add_subcommand("intake", "Record and read intake assessments");
  group->require_subcommand(1);
  auto f = std::make_shared<IntakeFlags>();

  CLI::App* record = group->add_subcommand(
      "record", "Record (and have the server score) an assessment");
  record->footer(
      "In a terminal, without --pain-now or --file, it asks each question:\n"
      "NPRS, the 10 ODI sections, the 9 STarT Back items and the red flags.\n\n"
      "Examples:\n"
      "  corebalance intake record abc123\n"
      "  corebalance intake record abc123 --duration-weeks 20 --pain-now 6 \\\n"
      "      --odi 2,1,2,1,2,2,1,0,1,2 --start-back 1,0,0,1,0,0,0,0,2\n"
      "  corebalance intake record abc123 --file answers.json   "
      "(protobuf JSON of Assessment)\n\n"
      "Red flags (--red-flag, repeatable):" +
      RedFlagChoices());
  record->add_option("patient", f->patient, "Patient id or patients/ID")
      ->required();
  record->add_option("--kind", f->kind, "initial or follow-up")
      ->check(CLI::IsMember({"initial", "follow-up"}))
      ->capture_default_str();
  record->add_option("--date", f->date,
                     "Assessment date YYYY-MM-DD (default today)");
  record->add_option("--supersedes", f->supersedes,
                     "Assessment this one corrects (full name)");
  record->add_option("--file", f->file, "Assessment answers as protobuf JSON");
  record->add_option("--onset-date", f->onset_date, "Pain onset YYYY-MM-DD");
  record->add_option("--duration-weeks", f->duration_weeks,
                     "Pain duration in weeks");
  record->add_option("--pain-now", f->pain_now, "NPRS now, 0-10");
  record->add_option("--pain-best", f->pain_best, "NPRS best in the last week");
  record->add_option("--pain-worst", f->pain_worst,
                     "NPRS worst in the last week");
  record->add_option(
      "--odi", f->odi,
      "10 ODI section scores 0-5, comma-separated, - if unanswered");
  record->add_option("--start-back", f->start_back,
                     "9 STarT Back answers: items 1-8 0/1, item 9 0-4");
  record->add_option("--red-flag", f->red_flags,
                     "A red flag present (repeatable)");
  record->add_option("--sedentary-hours", f->sedentary_hours,
                     "Sitting hours per day");
  record->add_option("--walking-minutes", f->walking_minutes,
                     "Walking minutes per day");
  record->add_option("--notes", f->notes, "Free-text notes");
  record->add_option("--request-id", f->request_id, "Idempotency key");
  record->add_flag("--no-input", f->no_input,
                   "Never prompt, even in a terminal");
  record->callback([&context, f] {
    context.action = [&context, f] {
      const std::string parent = ResourceName("patients", f->patient);
      Assessment a;
      if (!f->file.empty()) {
        a = FromFile(f->file);
      } else if (f->pain_now) {
        a = FromFlags(*f);
      } else if (!f->no_input && isatty(STDIN_FILENO)) {
        a.set_kind(f->kind == "initial" ? Assessment::KIND_INITIAL
                                        : Assessment::KIND_FOLLOW_UP);
        // Connect first so a missing token fails before the questions.
        Connect(context);
        PromptAssessment(std::cin, std::cout, a);
        std::cout << "\n";
      } else {
        throw CliError(kExitUsage,
                       "give the answers: --pain-now and the other flags, "
                       "--file answers.json, or run in a terminal to be asked");
      }
      if (a.kind() == Assessment::KIND_UNSPECIFIED || f->file.empty()) {
        a.set_kind(f->kind == "initial" ? Assessment::KIND_INITIAL
                                        : Assessment::KIND_FOLLOW_UP);
      }
      if (!f->date.empty())
        *a.mutable_assessment_date() = ParseDate("--date", f->date);
      if (!f->supersedes.empty()) a.set_supersedes(f->supersedes);
      Connection connection = Connect(context);
      auto stub = v1::IntakeService::NewStub(connection.channel());
      v1::SubmitAssessmentRequest request;
      request.set_parent(parent);
      *request.mutable_assessment() = a;
      request.set_request_id(f->request_id);
      Assessment saved;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->SubmitAssessment(c, request, &saved);
      });
      PrintAssessment(context, saved);
    };
  });

  CLI::App* list = group->add_subcommand(
      "list", "List a patient's assessments, newest first");
  list->add_option("patient", f->patient, "Patient id or patients/ID")
      ->required();
  AddPagingFlags(list, f->paging);
  list->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::IntakeService::NewStub(connection.channel());
      v1::ListAssessmentsRequest request;
      request.set_parent(ResourceName("patients", f->patient));
      auto all = FetchPages<v1::ListAssessmentsResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListAssessmentsResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListAssessments(c, request, out);
          },
          [](v1::ListAssessmentsResponse* r) {
            return r->mutable_assessments();
          });
      if (context.json()) return PrintJson(all);
      Table table(
          {"ID", "DATE", "KIND", "NPRS", "ODI", "START BACK", "DISPOSITION"});
      for (const Assessment& a : all.assessments()) {
        const AssessmentResult& r = a.result();
        table.AddRow(
            {LastSegment(a.name()), FormatDate(a.assessment_date()),
             EnumWords(Assessment::Kind_Name(a.kind()), "KIND_"),
             std::to_string(a.nprs_now()), OdiText(r),
             EnumWords(
                 AssessmentResult::StartBackRisk_Name(r.start_back_risk()),
                 "START_BACK_RISK_"),
             EnumWords(AssessmentResult::Disposition_Name(r.disposition()),
                       "DISPOSITION_")});
      }
      table.Print("assessments");
      PrintMoreHint(all.next_page_token());
    };
  });

  CLI::App* show =
      group->add_subcommand("show", "Show one assessment and its scores");
  show->footer(
      "Example:\n  corebalance intake show patients/abc/assessments/xyz\n"
      "  corebalance intake show xyz --patient abc");
  show->add_option("assessment", f->assessment, "Assessment id or full name")
      ->required();
  show->add_option("--patient", f->patient, "Patient, when giving only the id");
  show->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::IntakeService::NewStub(connection.channel());
      v1::GetAssessmentRequest request;
      request.set_name(
          PatientChildName(f->patient, "assessments", f->assessment));
      Assessment a;
      connection.Call(true, [&](grpc::ClientContext* c) {
        return stub->GetAssessment(c, request, &a);
      });
      PrintAssessment(context, a);
    };
  });
}

}  // namespace corebalance::cli
