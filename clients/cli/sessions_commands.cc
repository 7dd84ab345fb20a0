// corebalance sessions log|list|show|update

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include <chrono>
#include <memory>
#include <optional>

#include "clients/cli/commands.h"
#include "clients/cli/names.h"
#include "clients/cli/output.h"
#include "clients/cli/paging.h"
#include "clients/cli/parse_values.h"
#include "corebalance/v1/progress.grpc.pb.h"

namespace corebalance::cli {
namespace {

using google::protobuf::Timestamp;
using google::protobuf::util::TimeUtil;
using v1::Session;

struct SessionFlags {
  std::string patient, session, plan, performed_at = "now", since, until, notes,
                                      request_id, file;
  std::optional<int> pain_before, pain_during, pain_after, pain_24h, rpe,
      walking_minutes;
  std::vector<std::string> done, skipped;
  bool leg_symptoms = false;
  Paging paging;
};

// RFC 3339 ("2025-04-07T18:30:00Z") or "now".
Timestamp ParseTime(const std::string& flag, const std::string& text) {
  // TimeUtil::GetCurrentTime of Protobuf 3.21 drops the fraction, which
  // would put "now" before a plan assigned the same second.
  if (text == "now") {
    return TimeUtil::MicrosecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::system_clock::now().time_since_epoch())
            .count());
  }
  Timestamp t;
  if (!TimeUtil::FromString(text, &t)) {
    throw CliError(kExitUsage, flag +
                                   ": expected RFC 3339 time such as "
                                   "2025-04-07T18:30:00Z or now, got '" +
                                   text + "'");
  }
  return t;
}

std::string LightText(Session::TrafficLight light) {
  const std::string words =
      EnumWords(Session::TrafficLight_Name(light), "TRAFFIC_LIGHT_");
  if (light == Session::TRAFFIC_LIGHT_GREEN) return Colour(words, "green");
  if (light == Session::TRAFFIC_LIGHT_AMBER) return Colour(words, "yellow");
  if (light == Session::TRAFFIC_LIGHT_RED) return Colour(words, "red");
  return words;
}

// "3/10", or "" when not reported.
std::string Pain(bool has, int value) {
  return has ? std::to_string(value) + "/10" : "";
}

// "patients/p/sessions/s" -> "p/sessions/s": what users type back.
std::string ShortName(const std::string& name) {
  return name.rfind("patients/", 0) == 0 ? name.substr(9) : name;
}

void PrintSession(const CliContext& context, const Session& s) {
  if (context.json()) return PrintJson(s);
  std::string reasons;
  for (const auto& r : s.traffic_light_reasons()) {
    reasons += (reasons.empty() ? "" : "; ") + r;
  }
  PrintDetails(
      {{"Name", s.name()},
       {"Plan", s.plan()},
       {"Performed", FormatTime(s.perform_time())},
       {"Traffic light", LightText(s.traffic_light())},
       {"Why", reasons},
       {"Pain before", Pain(s.has_pain_before(), s.pain_before())},
       {"Pain during", Pain(s.has_worst_pain_during(), s.worst_pain_during())},
       {"Pain after", Pain(s.has_pain_after(), s.pain_after())},
       {"Pain 24 h", Pain(s.has_pain_after_24h(), s.pain_after_24h())},
       {"Baseline", Pain(s.has_baseline_pain(), s.baseline_pain())},
       {"RPE", s.has_rpe() ? std::to_string(s.rpe()) + "/10" : ""},
       {"Walking", s.walking_minutes()
                       ? std::to_string(s.walking_minutes()) + " min"
                       : ""},
       {"Leg symptoms", s.leg_pain_or_new_neuro_symptoms() ? "yes" : ""},
       {"Notes", s.notes()},
       {"Logged by", s.logged_by()}});
  if (s.exercises_size() == 0) return;
  Table table({"EXERCISE", "DONE", "SKIP REASON"});
  for (const auto& e : s.exercises()) {
    table.AddRow({LastSegment(e.exercise()), e.completed() ? "yes" : "no",
                  e.skip_reason()});
  }
  std::cout << "\n";
  table.Print("exercises");
}

Session FromFile(const std::string& path) {
  Session s;
  const auto status = google::protobuf::util::JsonStringToMessage(
      ReadWholeFile(path), &s, google::protobuf::util::JsonParseOptions());
  if (!status.ok()) {
    throw CliError(kExitUsage, path + ": not a Session in protobuf JSON: " +
                                   std::string(status.message()));
  }
  return s;
}

Session FromFlags(const SessionFlags& f) {
  if (!f.pain_before || !f.pain_during || !f.pain_after) {
    throw CliError(kExitUsage,
                   "give --pain-before, --pain-during and --pain-after "
                   "(NPRS 0..10), or --file session.json");
  }
  Session s;
  *s.mutable_perform_time() = ParseTime("--performed-at", f.performed_at);
  s.set_pain_before(*f.pain_before);
  s.set_worst_pain_during(*f.pain_during);
  s.set_pain_after(*f.pain_after);
  if (f.rpe) s.set_rpe(*f.rpe);
  if (f.walking_minutes) s.set_walking_minutes(*f.walking_minutes);
  s.set_leg_pain_or_new_neuro_symptoms(f.leg_symptoms);
  s.set_notes(f.notes);
  for (const std::string& slug : f.done) {
    auto* e = s.add_exercises();
    e->set_exercise(ResourceName("exercises", slug));
    e->set_completed(true);
  }
  for (const std::string& item : f.skipped) {
    const auto colon = item.find(':');
    auto* e = s.add_exercises();
    e->set_exercise(ResourceName("exercises", item.substr(0, colon)));
    e->set_completed(false);
    if (colon != std::string::npos) e->set_skip_reason(item.substr(colon + 1));
  }
  return s;
}

CLI::App* AddSessionArgument(CLI::App* c, SessionFlags& f) {
  c->add_option("session", f.session,
                "Session: patients/P/sessions/ID, P/sessions/ID, or ID with "
                "--patient")
      ->required();
  c->add_option("--patient", f.patient,
                "Patient, when giving only the session id");
  return c;
}

}  // namespace

void AddSessionsCommands(CLI::App& app, CliContext& context) {
  CLI::App* group = app.add_subcommand(
      "sessions", "Log exercise sessions and the pain they caused");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n"
      "  corebalance sessions log abc123 --pain-before 3 --pain-during 4 "
      "--pain-after 3 --done bird-dog --skipped side-plank:'too painful'\n"
      "  corebalance sessions log abc123 --file session.json\n"
      "  corebalance sessions list abc123 --since 2025-04-01T00:00:00Z\n"
      "  corebalance sessions update abc123/sessions/s1 --pain-24h 2");
  auto f = std::make_shared<SessionFlags>();

  CLI::App* log = group->add_subcommand(
      "log", "Log a session; the server classifies it GREEN/AMBER/RED");
  log->add_option("patient", f->patient, "Patient id or patients/ID")
      ->required();
  log->add_option("--plan", f->plan,
                  "Plan id or P/plans/ID (default: the active plan)");
  log->add_option("--performed-at", f->performed_at, "RFC 3339 time or now")
      ->capture_default_str();
  log->add_option("--pain-before", f->pain_before, "NPRS 0..10 before");
  log->add_option("--pain-during", f->pain_during, "Worst NPRS 0..10 during");
  log->add_option("--pain-after", f->pain_after, "NPRS 0..10 right after");
  log->add_option("--rpe", f->rpe, "Perceived exertion 0..10 (Borg CR10)");
  log->add_option("--walking-minutes", f->walking_minutes, "Minutes walked");
  log->add_option("--done", f->done, "Exercise done (repeatable)");
  log->add_option("--skipped", f->skipped,
                  "Exercise skipped, SLUG:reason (repeatable)");
  log->add_flag("--leg-symptoms", f->leg_symptoms,
                "Leg pain or new numbness/tingling/weakness (always RED)");
  log->add_option("--notes", f->notes, "Free text");
  log->add_option("--request-id", f->request_id, "Idempotency key");
  log->add_option("--file", f->file, "The session as protobuf JSON");
  log->callback([&context, f] {
    context.action = [&context, f] {
      v1::LogSessionRequest request;
      request.set_parent(ResourceName("patients", f->patient));
      Session* s = request.mutable_session();
      *s = f->file.empty() ? FromFlags(*f) : FromFile(f->file);
      if (!f->plan.empty()) {
        s->set_plan(PatientChildName(f->patient, "plans", f->plan));
      }
      request.set_request_id(f->request_id);
      Connection connection = Connect(context);
      auto stub = v1::ProgressService::NewStub(connection.channel());
      Session saved;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->LogSession(c, request, &saved);
      });
      PrintSession(context, saved);
    };
  });

  CLI::App* show =
      AddSessionArgument(group->add_subcommand("show", "Show a session"), *f);
  show->callback([&context, f] {
    context.action = [&context, f] {
      v1::GetSessionRequest request;
      request.set_name(PatientChildName(f->patient, "sessions", f->session));
      Connection connection = Connect(context);
      auto stub = v1::ProgressService::NewStub(connection.channel());
      Session s;
      connection.Call(true, [&](grpc::ClientContext* c) {
        return stub->GetSession(c, request, &s);
      });
      PrintSession(context, s);
    };
  });

  CLI::App* list = group->add_subcommand(
      "list", "List a patient's sessions, newest performed first");
  list->add_option("patient", f->patient, "Patient id or patients/ID")
      ->required();
  list->add_option("--plan", f->plan, "Only this plan (id or P/plans/ID)");
  list->add_option("--since", f->since, "Performed at or after (RFC 3339)");
  list->add_option("--until", f->until, "Performed before (RFC 3339)");
  AddPagingFlags(list, f->paging);
  list->callback([&context, f] {
    context.action = [&context, f] {
      v1::ListSessionsRequest request;
      request.set_parent(ResourceName("patients", f->patient));
      if (!f->plan.empty()) {
        request.set_plan(PatientChildName(f->patient, "plans", f->plan));
      }
      if (!f->since.empty()) {
        *request.mutable_start_time() = ParseTime("--since", f->since);
      }
      if (!f->until.empty()) {
        *request.mutable_end_time() = ParseTime("--until", f->until);
      }
      Connection connection = Connect(context);
      auto stub = v1::ProgressService::NewStub(connection.channel());
      auto all = FetchPages<v1::ListSessionsResponse>(
          connection, f->paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListSessionsResponse* out) {
            request.set_page_size(size);
            request.set_page_token(token);
            return stub->ListSessions(c, request, out);
          },
          [](v1::ListSessionsResponse* r) { return r->mutable_sessions(); });
      if (context.json()) return PrintJson(all);
      Table table({"SESSION", "PERFORMED", "LIGHT", "BEFORE", "DURING", "AFTER",
                   "24 H"});
      for (const Session& s : all.sessions()) {
        table.AddRow({ShortName(s.name()), FormatTime(s.perform_time()),
                      LightText(s.traffic_light()),
                      Pain(s.has_pain_before(), s.pain_before()),
                      Pain(s.has_worst_pain_during(), s.worst_pain_during()),
                      Pain(s.has_pain_after(), s.pain_after()),
                      Pain(s.has_pain_after_24h(), s.pain_after_24h())});
      }
      table.Print("sessions");
      PrintMoreHint(all.next_page_token());
    };
  });

  CLI::App* update = AddSessionArgument(
      group->add_subcommand(
          "update", "Add the pain 24 hours later or notes; re-classifies"),
      *f);
  update->add_option("--pain-24h", f->pain_24h, "NPRS 0..10 24 hours later");
  update->add_option("--notes", f->notes, "Replace the notes");
  update->callback([&context, f] {
    context.action = [&context, f] {
      v1::UpdateSessionRequest request;
      Session* s = request.mutable_session();
      s->set_name(PatientChildName(f->patient, "sessions", f->session));
      auto* mask = request.mutable_update_mask();
      if (f->pain_24h) {
        s->set_pain_after_24h(*f->pain_24h);
        mask->add_paths("pain_after_24h");
      }
      if (!f->notes.empty()) {
        s->set_notes(f->notes);
        mask->add_paths("notes");
      }
      if (mask->paths_size() == 0) {
        throw CliError(kExitUsage,
                       "nothing to change: give --pain-24h or --notes");
      }
      Connection connection = Connect(context);
      auto stub = v1::ProgressService::NewStub(connection.channel());
      Session saved;
      connection.Call(false, [&](grpc::ClientContext* c) {
        return stub->UpdateSession(c, request, &saved);
      });
      PrintSession(context, saved);
    };
  });
}

}  // namespace corebalance::cli
