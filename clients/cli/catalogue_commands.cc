// corebalance exercises list|show, templates list|show|create|edit

#include <google/protobuf/util/json_util.h>

#include <memory>

#include "clients/cli/commands.h"
#include "clients/cli/dose_text.h"
#include "clients/cli/names.h"
#include "clients/cli/output.h"
#include "clients/cli/paging.h"
#include "clients/cli/parse_values.h"
#include "corebalance/v1/prescription.grpc.pb.h"

namespace corebalance::cli {
namespace {

using v1::Exercise;
using v1::PlanTemplate;

struct CatalogueFlags {
  std::string id, level, region, equipment, file;
  Paging paging;
};

void PrintExercise(const CliContext& context, const Exercise& e) {
  if (context.json()) return PrintJson(e);
  std::string equipment;
  for (const auto& item : e.equipment())
    equipment += (equipment.empty() ? "" : ", ") + item;
  PrintDetails({{"Name", e.name()},
                {"Title", e.display_name()},
                {"Level", EnumWords(Exercise::Level_Name(e.level()), "LEVEL_")},
                {"Body region", e.body_region()},
                {"Equipment", equipment.empty() ? "none" : equipment},
                {"Default dose", DoseText(e.default_dose())},
                {"Regression", e.regression()},
                {"Progression", e.progression()},
                {"Instructions", e.instructions()}});
}

void PrintTemplate(const CliContext& context, const PlanTemplate& t) {
  if (context.json()) return PrintJson(t);
  std::string weeks;
  if (t.first_week() > 0) {
    weeks =
        std::to_string(t.first_week()) + " to " + std::to_string(t.last_week());
  }
  PrintDetails({{"Name", t.name()},
                {"Title", t.display_name()},
                {"Phase", std::to_string(t.phase())},
                {"Weeks", weeks},
                {"Description", t.description()},
                {"Clinic's own", t.clinic_specific() ? "yes" : "no (seeded)"}});
  Table table({"EXERCISE", "DOSE"});
  for (const auto& pe : t.exercises())
    table.AddRow({LastSegment(pe.exercise()), DoseText(pe.dose())});
  std::cout << "\n";
  table.Print("exercises");
}

PlanTemplate TemplateFromFile(const std::string& path) {
  PlanTemplate t;
  const auto status =
      google::protobuf::util::JsonStringToMessage(ReadWholeFile(path), &t);
  if (!status.ok()) {
    throw CliError(kExitUsage, path +
                                   ": not a PlanTemplate in protobuf JSON: " +
                                   std::string(status.message()));
  }
  return t;
}

}  // namespace

void AddCatalogueCommands(CLI::App& app, CliContext& context) {
  auto f = std::make_shared<CatalogueFlags>();

  CLI::App* exercises =
      app.add_subcommand("exercises", "Browse the exercise catalogue");
  exercises->require_subcommand(1);
  exercises->footer(
      "Examples:\n  corebalance exercises list --level beginner\n"
      "  corebalance exercises show glute-bridge");
  CLI::App* list = exercises->add_subcommand("list", "List exercises");
  list->add_option("--level", f->level, "beginner|intermediate|advanced|all")
      ->check(CLI::IsMember({"beginner", "intermediate", "advanced", "all"}));
  list->add_option("--region", f->region, "Only this body region");
  list->add_option("--equipment", f->equipment,
                   "Only exercises using this item");
  AddPagingFlags(list, f->paging);
  list->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::PrescriptionService::NewStub(connection.channel());
      v1::ListExercisesRequest request;
      if (!f->level.empty()) {
        Exercise::Level level;
        Exercise::Level_Parse("LEVEL_" + UpperSnake(f->level), &level);
        request.set_level(level);
      }
      request.set_body_region(f->region);
      request.set_equipment(f->equipment);
      auto all = FetchPages<v1::ListExercisesResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListExercisesResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListExercises(c, request, out);
          },
          [](v1::ListExercisesResponse* r) { return r->mutable_exercises(); });
      if (context.json()) return PrintJson(all);
      Table table({"ID", "TITLE", "LEVEL", "BODY REGION", "DEFAULT DOSE"});
      for (const Exercise& e : all.exercises()) {
        table.AddRow({LastSegment(e.name()), e.display_name(),
                      EnumWords(Exercise::Level_Name(e.level()), "LEVEL_"),
                      e.body_region(), DoseText(e.default_dose())});
      }
      table.Print("exercises");
      PrintMoreHint(all.next_page_token());
    };
  });
  CLI::App* show = exercises->add_subcommand("show", "Show one exercise");
  show->add_option("exercise", f->id, "Exercise id or exercises/ID")
      ->required();
  show->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::PrescriptionService::NewStub(connection.channel());
      v1::GetExerciseRequest request;
      request.set_name(ResourceName("exercises", f->id));
      Exercise e;
      connection.Call(true, [&](grpc::ClientContext* c) {
        return stub->GetExercise(c, request, &e);
      });
      PrintExercise(context, e);
    };
  });

  CLI::App* templates = app.add_subcommand(
      "templates", "Plan templates: the phases of the program");
  templates->require_subcommand(1);
  templates->footer(
      "Examples:\n  corebalance templates list\n  corebalance templates show "
      "foundation\n"
      "  corebalance templates create my-phase --file phase.json   (admins)\n"
      "  corebalance templates edit my-phase --file phase.json     (admins)");
  CLI::App* tlist = templates->add_subcommand("list", "List plan templates");
  AddPagingFlags(tlist, f->paging);
  tlist->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::PrescriptionService::NewStub(connection.channel());
      v1::ListPlanTemplatesRequest request;
      auto all = FetchPages<v1::ListPlanTemplatesResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListPlanTemplatesResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListPlanTemplates(c, request, out);
          },
          [](v1::ListPlanTemplatesResponse* r) {
            return r->mutable_plan_templates();
          });
      if (context.json()) return PrintJson(all);
      Table table({"ID", "TITLE", "PHASE", "WEEKS", "EXERCISES"});
      for (const PlanTemplate& t : all.plan_templates()) {
        table.AddRow(
            {LastSegment(t.name()), t.display_name(), std::to_string(t.phase()),
             t.first_week() > 0 ? std::to_string(t.first_week()) + "-" +
                                      std::to_string(t.last_week())
                                : "",
             std::to_string(t.exercises_size())});
      }
      table.Print("plan templates");
      PrintMoreHint(all.next_page_token());
    };
  });
  CLI::App* tshow =
      templates->add_subcommand("show", "Show a template and its doses");
  tshow->add_option("template", f->id, "Template id or planTemplates/ID")
      ->required();
  tshow->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::PrescriptionService::NewStub(connection.channel());
      v1::GetPlanTemplateRequest request;
      request.set_name(ResourceName("planTemplates", f->id));
      PlanTemplate t;
      connection.Call(true, [&](grpc::ClientContext* c) {
        return stub->GetPlanTemplate(c, request, &t);
      });
      PrintTemplate(context, t);
    };
  });
  for (const bool create : {true, false}) {
    CLI::App* c = templates->add_subcommand(
        create ? "create" : "edit",
        create
            ? "Create a clinic template from a JSON file (admins)"
            : "Replace a clinic template's fields from a JSON file (admins)");
    c->add_option("template", f->id, "Template id (slug)")->required();
    c->add_option("--file", f->file, "PlanTemplate as protobuf JSON")
        ->required();
    c->callback([&context, f, create] {
      context.action = [&context, f, create] {
        PlanTemplate t = TemplateFromFile(f->file);
        Connection connection = Connect(context);
        auto stub = v1::PrescriptionService::NewStub(connection.channel());
        PlanTemplate saved;
        connection.Call(false, [&](grpc::ClientContext* ctx) {
          if (create) {
            v1::CreatePlanTemplateRequest request;
            *request.mutable_plan_template() = t;
            request.set_plan_template_id(LastSegment(f->id));
            return stub->CreatePlanTemplate(ctx, request, &saved);
          }
          v1::UpdatePlanTemplateRequest request;
          t.set_name(ResourceName("planTemplates", f->id));
          *request.mutable_plan_template() = t;
          request.mutable_update_mask()->add_paths("*");
          return stub->UpdatePlanTemplate(ctx, request, &saved);
        });
        PrintTemplate(context, saved);
      };
    });
  }
}

}  // namespace corebalance::cli
