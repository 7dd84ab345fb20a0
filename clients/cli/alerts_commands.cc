// corebalance alerts list|ack|watch

#include <memory>

#include "clients/cli/alerts_watch.h"
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
  std::string patient, alert, kind, note, after;
  bool open = false, acknowledged = false;
  Paging paging;
};

constexpr char kKindHelp[] = "pain-flare|worsening|non-adherence|low-adherence";
const std::vector<std::string> kKinds = {"pain-flare", "worsening",
                                         "non-adherence", "low-adherence"};

Alert::Kind KindOf(const std::string& flag) {
  Alert::Kind kind = Alert::KIND_UNSPECIFIED;
  if (!flag.empty()) Alert::Kind_Parse("KIND_" + UpperSnake(flag), &kind);
  return kind;
}

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
      "plan'\n"
      "  corebalance alerts watch                       (until Ctrl-C)");
  auto f = std::make_shared<AlertFlags>();

  CLI::App* list = group->add_subcommand(
      "list", "List alerts of a patient (all patients without PATIENT)");
  list->add_option("patient", f->patient, "Patient id or patients/ID");
  list->add_option("--kind", f->kind, kKindHelp)->check(CLI::IsMember(kKinds));
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
      request.set_kind(KindOf(f->kind));
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

  CLI::App* watch = group->add_subcommand(
      "watch",
      "Print alerts as they are raised, until Ctrl-C (one JSON object per "
      "line with -o json)");
  watch->add_option("patient", f->patient,
                    "Patient id or patients/ID (every patient without)");
  watch->add_option("--kind", f->kind, kKindHelp)->check(CLI::IsMember(kKinds));
  watch->add_option("--after", f->after,
                    "Resume after the alert with this cursor (printed on "
                    "Ctrl-C, and in each JSON line)");
  watch->callback([&context, f] {
    context.action = [&context, f] {
      v1::WatchAlertsRequest request;
      request.set_parent(f->patient.empty()
                             ? "patients/-"
                             : ResourceName("patients", f->patient));
      request.set_kind(KindOf(f->kind));
      request.set_after(f->after);
      WatchAlerts(context, request);
    };
  });
}

}  // namespace corebalance::cli
