// corebalance progress PATIENT: the progress summary as a report a
// practitioner reads at a glance, with the sessions' pain as a sparkline.

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "clients/cli/commands.h"
#include "clients/cli/names.h"
#include "clients/cli/output.h"
#include "clients/cli/paging.h"
#include "corebalance/v1/progress.grpc.pb.h"

namespace corebalance::cli {
namespace {

using google::protobuf::util::TimeUtil;

std::string Number(double value, const char* format = "%.1f") {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string AdherenceText(const v1::AdherencePeriod& p) {
  const std::string logged =
      std::to_string(p.sessions_logged()) + " of " +
      Number(p.sessions_prescribed()) + " sessions prescribed, " +
      FormatDate(p.first_day()) + ".." + FormatDate(p.last_day());
  if (!p.has_adherence_percent()) return logged + " (nothing prescribed)";
  return std::to_string(p.adherence_percent()) + " % (" + logged + ")";
}

// NPRS 0..10, one block per value: ▁ for 0 up to █ for 10.
std::string Sparkline(const std::vector<int>& values) {
  static const char* const kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string line;
  for (int v : values) line += kBlocks[std::clamp(v, 0, 10) * 7 / 10];
  return line;
}

std::string MeasureText(const v1::MeasureChange& m) {
  std::string text = Number(m.baseline()) + " -> " + Number(m.follow_up()) +
                     ": " + Number(m.absolute_change(), "%+.1f");
  if (m.has_percent_change()) {
    text += " (" + Number(m.percent_change(), "%+.0f") + " %)";
  }
  return text + (m.important_improvement() ? ", important improvement"
                                           : ", not an important change");
}

std::string RecommendationText(v1::Recommendation::Kind kind) {
  const std::string words =
      EnumWords(v1::Recommendation::Kind_Name(kind), "KIND_");
  if (kind == v1::Recommendation::KIND_PROGRESS) return Colour(words, "green");
  if (kind == v1::Recommendation::KIND_HOLD) return Colour(words, "yellow");
  return Colour(words, "red");
}

void PrintReport(const v1::ProgressSummary& s, const std::vector<int>& pain) {
  const auto& t = s.pain_trend();
  PrintDetails(
      {{"Patient", s.patient()},
       {"Plan", s.plan().empty() ? "none active" : s.plan()},
       {"Adherence", AdherenceText(s.adherence())},
       {"Last session",
        !s.has_days_since_last_session() ? "none"
        : s.days_since_last_session() == 0
            ? "today"
            : std::to_string(s.days_since_last_session()) + " days ago"},
       {"Traffic lights",
        Colour("green " + std::to_string(s.green_sessions()), "green") + ", " +
            Colour("amber " + std::to_string(s.amber_sessions()), "yellow") +
            ", " + Colour("red " + std::to_string(s.red_sessions()), "red")},
       {"Pain baseline",
        t.has_baseline() ? std::to_string(t.baseline()) + "/10" : ""},
       {"Pain last 7 days", t.has_recent_average()
                                ? Number(t.recent_average()) + "/10 average"
                                : ""},
       {"Pain trend",
        t.has_slope_per_week()
            ? Number(t.slope_per_week(), "%+.1f") + " points/week" +
                  (t.worsened() ? Colour(", worsened", "red") : "")
            : ""}});

  std::cout << "\n"
            << Colour("Pain during sessions, oldest first", "bold") << "\n";
  if (pain.empty()) {
    std::cout << "  No sessions in the window.\n";
  } else {
    std::string values;
    for (int v : pain)
      values += (values.empty() ? "" : " ") + std::to_string(v);
    std::cout << "  " << Sparkline(pain) << "  " << values << "\n";
  }

  std::cout << "\n";
  Table weeks({"WEEK", "ACTIVE DAYS", "PRESCRIBED", "LOGGED", "ADHERENCE"});
  for (const auto& w : s.weeks()) {
    weeks.AddRow({FormatDate(w.first_day()) + ".." + FormatDate(w.last_day()),
                  std::to_string(w.active_days()),
                  Number(w.sessions_prescribed()),
                  std::to_string(w.sessions_logged()),
                  w.has_adherence_percent()
                      ? std::to_string(w.adherence_percent()) + " %"
                      : "-"});
  }
  weeks.Print("weeks");

  if (s.has_outcome_change()) {
    std::cout << "\n"
              << Colour("Outcome change (follow-up against initial)", "bold")
              << "\n";
    const auto& o = s.outcome_change();
    if (o.has_nprs()) std::cout << "  NPRS: " << MeasureText(o.nprs()) << "\n";
    if (o.has_odi()) std::cout << "  ODI:  " << MeasureText(o.odi()) << "\n";
  }

  const auto& r = s.recommendation();
  std::cout << "\n"
            << Colour("Recommendation:", "bold") << " "
            << RecommendationText(r.kind()) << "\n";
  for (const auto& reason : r.reasons()) std::cout << "  - " << reason << "\n";
  for (const auto& step : r.steps()) {
    const std::string from = step.display_name().empty()
                                 ? LastSegment(step.exercise())
                                 : step.display_name();
    const std::string to =
        step.to_exercise().empty() ? "(none in the catalogue: change the dose)"
        : step.to_display_name().empty() ? LastSegment(step.to_exercise())
                                         : step.to_display_name();
    std::cout << "  " << from << " -> " << to << "\n";
  }
}

}  // namespace

void AddProgressCommand(CLI::App& app, CliContext& context) {
  struct Flags {
    std::string patient;
    int window_days = 14;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* progress = app.add_subcommand(
      "progress",
      "How a patient is doing: adherence, pain, traffic lights, outcome "
      "change and what to do next");
  progress->footer(
      "Examples:\n"
      "  corebalance progress abc123\n"
      "  corebalance progress abc123 --window-days 28 -o json");
  progress->add_option("patient", f->patient, "Patient id or patients/ID")
      ->required();
  progress
      ->add_option("--window-days", f->window_days,
                   "Whole UTC days ending today")
      ->capture_default_str()
      ->check(CLI::Range(1, 365));
  progress->callback([&context, f] {
    context.action = [&context, f] {
      const std::string patient = ResourceName("patients", f->patient);
      Connection connection = Connect(context);
      auto stub = v1::ProgressService::NewStub(connection.channel());
      v1::GetProgressSummaryRequest request;
      request.set_patient(patient);
      request.set_window_days(f->window_days);
      v1::ProgressSummary summary;
      connection.Call(true, [&](grpc::ClientContext* c) {
        return stub->GetProgressSummary(c, request, &summary);
      });
      if (context.json()) return PrintJson(summary);

      // The summary has no per-session values: fetch the window's sessions
      // (approximately: from the same number of days ago) for the chart.
      v1::ListSessionsRequest sessions_request;
      sessions_request.set_parent(patient);
      *sessions_request.mutable_start_time() =
          TimeUtil::GetCurrentTime() -
          TimeUtil::SecondsToDuration(int64_t{f->window_days} * 86400);
      Paging paging;
      paging.all = true;
      auto sessions = FetchPages<v1::ListSessionsResponse>(
          connection, paging,
          [&](grpc::ClientContext* c, int size, const std::string& token,
              v1::ListSessionsResponse* out) {
            sessions_request.set_page_size(size);
            sessions_request.set_page_token(token);
            return stub->ListSessions(c, sessions_request, out);
          },
          [](v1::ListSessionsResponse* r) { return r->mutable_sessions(); });
      std::vector<int> pain;
      for (const auto& s : sessions.sessions()) {
        pain.push_back(s.worst_pain_during());
      }
      std::reverse(pain.begin(), pain.end());  // newest first -> oldest first
      PrintReport(summary, pain);
    };
  });
}

}  // namespace corebalance::cli
