// corebalance plans
// assign|show|list|adjust|pause|resume|complete|cancel|history

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

using v1::Plan;

struct PlanFlags {
  std::string patient, plan, plan_template, dose_level, override_reason, reason,
      state, request_id;
  std::vector<std::string> exercises;
  Paging paging;
};

std::string StateText(Plan::State state) {
  const std::string words = EnumWords(Plan::State_Name(state), "STATE_");
  if (state == Plan::STATE_ACTIVE) return Colour(words, "green");
  if (state == Plan::STATE_PAUSED) return Colour(words, "yellow");
  return words;
}

void PrintPlan(const CliContext& context, const Plan& p) {
  if (context.json()) return PrintJson(p);
  PrintDetails({{"Name", p.name()},
                {"State", StateText(p.state())},
                {"Template", p.plan_template()},
                {"Dose level",
                 EnumWords(v1::DoseLevel_Name(p.dose_level()), "DOSE_LEVEL_")},
                {"Assessment", p.assessment()},
                {"Override reason", p.override_reason()},
                {"Assigned by", p.assigned_by()},
                {"State reason", p.state_reason()},
                {"Superseded by", p.superseded_by()},
                {"Created", FormatTime(p.create_time())},
                {"Adjusted", FormatTime(p.adjust_time())},
                {"Ended", FormatTime(p.end_time())}});
  Table table({"EXERCISE", "DOSE"});
  for (const auto& pe : p.exercises()) {
    table.AddRow({LastSegment(pe.exercise()), DoseText(pe.dose())});
  }
  std::cout << "\n";
  table.Print("exercises");
}

v1::DoseLevel ParseDoseLevel(const std::string& text) {
  return text == "reduced"    ? v1::DOSE_LEVEL_REDUCED
         : text == "standard" ? v1::DOSE_LEVEL_STANDARD
                              : v1::DOSE_LEVEL_UNSPECIFIED;
}

void AddExercises(const PlanFlags& f, Plan& plan) {
  for (const std::string& e : f.exercises) {
    plan.add_exercises()->set_exercise(ResourceName("exercises", e));
  }
}

CLI::App* AddPlanArgument(CLI::App* c, PlanFlags& f) {
  c->add_option("plan", f.plan,
                "Plan: patients/P/plans/ID, P/plans/ID, or ID with --patient")
      ->required();
  c->add_option("--patient", f.patient,
                "Patient, when giving only the plan id");
  return c;
}

}  // namespace

void AddPlansCommands(CLI::App& app, CliContext& context) {
  CLI::App* group = app.add_subcommand(
      "plans", "Assign and manage Core Balance Training plans");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n"
      "  corebalance plans assign abc123                 (template and dose "
      "from the intake)\n"
      "  corebalance plans assign abc123 --template stability --dose-level "
      "reduced\n"
      "  corebalance plans list abc123\n"
      "  corebalance plans adjust abc123/plans/p1 --template stability "
      "--reason 'all green 2 weeks'\n"
      "  corebalance plans pause p1 --patient abc123 --reason 'flare-up'\n"
      "  corebalance plans history abc123/plans/p1");
  auto f = std::make_shared<PlanFlags>();

  CLI::App* assign =
      group->add_subcommand("assign", "Assign a plan to a patient");
  assign->add_option("patient", f->patient, "Patient id or patients/ID")
      ->required();
  assign->add_option(
      "--template", f->plan_template,
      "Template (default: the latest intake's starting template)");
  assign
      ->add_option("--dose-level", f->dose_level,
                   "standard|reduced (default: from intake)")
      ->check(CLI::IsMember({"standard", "reduced"}));
  assign->add_option(
      "--exercise", f->exercises,
      "Exercise to include (repeatable; default: the template's)");
  assign->add_option("--override-reason", f->override_reason,
                     "Clinician override when the intake says REFER (audited)");
  assign->add_option("--request-id", f->request_id, "Idempotency key");
  assign->callback([&context, f] {
    context.action = [&context, f] {
      v1::AssignPlanRequest request;
      request.set_parent(ResourceName("patients", f->patient));
      Plan* plan = request.mutable_plan();
      if (!f->plan_template.empty()) {
        plan->set_plan_template(
            ResourceName("planTemplates", f->plan_template));
      }
      plan->set_dose_level(ParseDoseLevel(f->dose_level));
      AddExercises(*f, *plan);
      request.set_override_reason(f->override_reason);
      request.set_request_id(f->request_id);
      Connection connection = Connect(context);
      auto stub = v1::PrescriptionService::NewStub(connection.channel());
      Plan saved;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->AssignPlan(c, request, &saved);
      });
      PrintPlan(context, saved);
    };
  });

  CLI::App* show =
      AddPlanArgument(group->add_subcommand("show", "Show a plan"), *f);
  show->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::PrescriptionService::NewStub(connection.channel());
      v1::GetPlanRequest request;
      request.set_name(PatientChildName(f->patient, "plans", f->plan));
      Plan plan;
      connection.Call(true, [&](grpc::ClientContext* c) {
        return stub->GetPlan(c, request, &plan);
      });
      PrintPlan(context, plan);
    };
  });

  CLI::App* list = group->add_subcommand(
      "list",
      "List a patient's plans (all patients without PATIENT), newest first");
  list->add_option("patient", f->patient, "Patient id or patients/ID");
  list->add_option("--state", f->state, "active|paused|completed|cancelled")
      ->check(CLI::IsMember({"active", "paused", "completed", "cancelled"}));
  AddPagingFlags(list, f->paging);
  list->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::PrescriptionService::NewStub(connection.channel());
      v1::ListPlansRequest request;
      request.set_parent(f->patient.empty()
                             ? "patients/-"
                             : ResourceName("patients", f->patient));
      if (!f->state.empty()) {
        Plan::State state;
        Plan::State_Parse("STATE_" + UpperSnake(f->state), &state);
        request.set_state(state);
      }
      auto all = FetchPages<v1::ListPlansResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListPlansResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListPlans(c, request, out);
          },
          [](v1::ListPlansResponse* r) { return r->mutable_plans(); });
      if (context.json()) return PrintJson(all);
      Table table(
          {"PLAN", "STATE", "TEMPLATE", "DOSE", "EXERCISES", "CREATED"});
      for (const Plan& p : all.plans()) {
        std::string name = p.name();
        if (name.rfind("patients/", 0) == 0) name = name.substr(9);
        table.AddRow(
            {name, StateText(p.state()), LastSegment(p.plan_template()),
             EnumWords(v1::DoseLevel_Name(p.dose_level()), "DOSE_LEVEL_"),
             std::to_string(p.exercises_size()), FormatTime(p.create_time())});
      }
      table.Print("plans");
      PrintMoreHint(all.next_page_token());
    };
  });

  CLI::App* adjust = AddPlanArgument(
      group->add_subcommand("adjust",
                            "Change a plan's phase, exercises or dose level"),
      *f);
  adjust->add_option("--template", f->plan_template,
                     "Switch to this template (phase)");
  adjust->add_option("--exercise", f->exercises,
                     "The whole new exercise list (repeatable)");
  adjust->add_option("--dose-level", f->dose_level, "standard|reduced")
      ->check(CLI::IsMember({"standard", "reduced"}));
  adjust->add_option("--reason", f->reason, "Why (kept in the history)")
      ->required();
  adjust->callback([&context, f] {
    context.action = [&context, f] {
      v1::AdjustPlanRequest request;
      Plan* plan = request.mutable_plan();
      plan->set_name(PatientChildName(f->patient, "plans", f->plan));
      auto* mask = request.mutable_update_mask();
      if (!f->plan_template.empty()) {
        plan->set_plan_template(
            ResourceName("planTemplates", f->plan_template));
        mask->add_paths("plan_template");
      }
      if (!f->exercises.empty()) {
        AddExercises(*f, *plan);
        mask->add_paths("exercises");
      }
      if (!f->dose_level.empty()) {
        plan->set_dose_level(ParseDoseLevel(f->dose_level));
        mask->add_paths("dose_level");
      }
      if (mask->paths_size() == 0) {
        throw CliError(
            kExitUsage,
            "nothing to change: give --template, --exercise or --dose-level");
      }
      request.set_reason(f->reason);
      Connection connection = Connect(context);
      auto stub = v1::PrescriptionService::NewStub(connection.channel());
      Plan saved;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->AdjustPlan(c, request, &saved);
      });
      PrintPlan(context, saved);
    };
  });

  struct Transition {
    const char* verb;
    const char* help;
  };
  for (const Transition& t : {Transition{"pause", "Put a plan on hold"},
                              Transition{"resume", "Resume a paused plan"},
                              Transition{"complete", "Mark a plan finished"},
                              Transition{"cancel", "Stop a plan early"}}) {
    CLI::App* c = AddPlanArgument(group->add_subcommand(t.verb, t.help), *f);
    c->add_option("--reason", f->reason, "Why (kept in the history)");
    const std::string verb = t.verb;
    c->callback([&context, f, verb] {
      context.action = [&context, f, verb] {
        const std::string name = PatientChildName(f->patient, "plans", f->plan);
        Connection connection = Connect(context);
        auto stub = v1::PrescriptionService::NewStub(connection.channel());
        Plan saved;
        connection.Call(false, [&](grpc::ClientContext* c) {
          if (verb == "pause") {
            v1::PausePlanRequest r;
            r.set_name(name), r.set_reason(f->reason);
            return stub->PausePlan(c, r, &saved);
          }
          if (verb == "resume") {
            v1::ResumePlanRequest r;
            r.set_name(name), r.set_reason(f->reason);
            return stub->ResumePlan(c, r, &saved);
          }
          if (verb == "complete") {
            v1::CompletePlanRequest r;
            r.set_name(name), r.set_reason(f->reason);
            return stub->CompletePlan(c, r, &saved);
          }
          v1::CancelPlanRequest r;
          r.set_name(name), r.set_reason(f->reason);
          return stub->CancelPlan(c, r, &saved);
        });
        PrintPlan(context, saved);
      };
    });
  }

  CLI::App* history = AddPlanArgument(
      group->add_subcommand("history",
                            "A plan's revisions: who changed what and why"),
      *f);
  AddPagingFlags(history, f->paging);
  history->callback([&context, f] {
    context.action = [&context, f] {
      Connection connection = Connect(context);
      auto stub = v1::PrescriptionService::NewStub(connection.channel());
      v1::ListPlanRevisionsRequest request;
      request.set_parent(PatientChildName(f->patient, "plans", f->plan));
      auto all = FetchPages<v1::ListPlanRevisionsResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListPlanRevisionsResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListPlanRevisions(c, request, out);
          },
          [](v1::ListPlanRevisionsResponse* r) {
            return r->mutable_plan_revisions();
          });
      if (context.json()) return PrintJson(all);
      for (const v1::PlanRevision& r : all.plan_revisions()) {
        std::cout << Colour("#" + std::to_string(r.revision()) + " " +
                                EnumWords(
                                    v1::PlanRevision::Action_Name(r.action()),
                                    "ACTION_"),
                            "bold")
                  << "  " << FormatTime(r.create_time()) << "  " << r.actor()
                  << "\n";
        if (!r.reason().empty())
          std::cout << "  reason: " << r.reason() << "\n";
        for (const auto& change : r.changes())
          std::cout << "  " << change << "\n";
      }
      if (all.plan_revisions_size() == 0) std::cout << "No revisions.\n";
      PrintMoreHint(all.next_page_token());
    };
  });
}

}  // namespace corebalance::cli
