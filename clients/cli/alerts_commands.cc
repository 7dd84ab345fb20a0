// corebalance alerts list|ack

#include <memory>

#include "clients/cli/commands.h"
#include "clients/cli/names.h"
#include "clients/cli/output.h"
#include "clients/cli/paging.h"
#include "clients/cli/parse_values.h"
#include "corebalance/v1/progress.grpc.pb.h"

namespace corebalance::cli {
namespace {

using v1::Alert;

struct AlertFlags {
  std::string patient, alert, kind, note;
  bool open = false, acknowledged = false;
  Paging paging;
};

std::string StateText(Alert::State state) {
  const std::string words = EnumWords(Alert::State_Name(state), "STATE_");
  return state == Alert::STATE_OPEN ? Colour(words, "red") : words;
}

void PrintAlert(const CliContext& context, const Alert& a) {
  if (context.json()) return PrintJson(a);
  PrintDetails({{"Name", a.name()},
                {"Kind", EnumWords(Alert::Kind_Name(a.kind()), "KIND_")},
                {"State", StateText(a.state())},
                {"Message", a.message()},
                {"Cause", a.cause()},
                {"Raised", FormatTime(a.create_time())},
                {"Acknowledged", FormatTime(a.acknowledge_time())},
                {"By", a.acknowledged_by()},
                {"Note", a.acknowledge_note()}});
}

}  // namespace

void AddAlertsCommands(CLI::App& app, CliContext& context) {
  CLI::App* group = app.add_subcommand(
      "alerts", "Pain flares, worsening and missed sessions to look at");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n"
      "  corebalance alerts list --open                 (every patient)\n"
      "  corebalance alerts list abc123 --kind pain-flare\n"
      "  corebalance alerts ack abc123/alerts/a1 --note 'called, regressed "
      "plan'");
  auto f = std::make_shared<AlertFlags>();

  CLI::App* list = group->add_subcommand(
      "list", "List alerts of a patient (all patients without PATIENT)");
  list->add_option("patient", f->patient, "Patient id or patients/ID");
  list->add_option("--kind", f->kind,
                   "pain-flare|worsening|non-adherence|low-adherence")
      ->check(CLI::IsMember(
          {"pain-flare", "worsening", "non-adherence", "low-adherence"}));
  CLI::Option* open =
      list->add_flag("--open", f->open, "Only alerts not yet acknowledged");
  list->add_flag("--acknowledged", f->acknowledged, "Only acknowledged alerts")
      ->excludes(open);
  AddPagingFlags(list, f->paging);
  list->callback([&context, f] {
    context.action = [&context, f] {
      v1::ListAlertsRequest request;
      request.set_parent(f->patient.empty()
                             ? "patients/-"
                             : ResourceName("patients", f->patient));
      if (!f->kind.empty()) {
        Alert::Kind kind;
        Alert::Kind_Parse("KIND_" + UpperSnake(f->kind), &kind);
        request.set_kind(kind);
      }
      if (f->open) request.set_state(Alert::STATE_OPEN);
      if (f->acknowledged) request.set_state(Alert::STATE_ACKNOWLEDGED);
      Connection connection = Connect(context);
      auto stub = v1::ProgressService::NewStub(connection.channel());
      auto all = FetchPages<v1::ListAlertsResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListAlertsResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListAlerts(c, request, out);
          },
          [](v1::ListAlertsResponse* r) { return r->mutable_alerts(); });
      if (context.json()) return PrintJson(all);
      Table table({"ALERT", "KIND", "STATE", "RAISED", "MESSAGE"});
      for (const Alert& a : all.alerts()) {
        std::string name = a.name();
        if (name.rfind("patients/", 0) == 0) name = name.substr(9);
        table.AddRow({name, EnumWords(Alert::Kind_Name(a.kind()), "KIND_"),
                      StateText(a.state()), FormatTime(a.create_time()),
                      a.message()});
      }
      table.Print("alerts");
      PrintMoreHint(all.next_page_token());
    };
  });

  CLI::App* ack = group->add_subcommand(
      "ack", "Mark an open alert as seen and handled (audited)");
  ack->add_option("alert", f->alert,
                  "Alert: patients/P/alerts/ID, P/alerts/ID, or ID with "
                  "--patient")
      ->required();
  ack->add_option("--patient", f->patient,
                  "Patient, when giving only the alert id");
  ack->add_option("--note", f->note, "What was done about it")->required();
  ack->callback([&context, f] {
    context.action = [&context, f] {
      v1::AcknowledgeAlertRequest request;
      request.set_name(PatientChildName(f->patient, "alerts", f->alert));
      request.set_note(f->note);
      Connection connection = Connect(context);
      auto stub = v1::ProgressService::NewStub(connection.channel());
      Alert saved;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->AcknowledgeAlert(c, request, &saved);
      });
      PrintAlert(context, saved);
    };
  });
}

}  // namespace corebalance::cli
