// `corebalance alerts watch`: alerts appear as they are raised, Ctrl-C ends
// the watch with exit code 0, and --after resumes without loss.

#include <gtest/gtest.h>
#include <signal.h>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "tests/e2e/cli/cli_fixture.h"

namespace corebalance::test {
namespace {

using ::absl::StrContains;

class AlertsWatchTest : public CliTest {
 protected:
  // A patient with an intake and a plan; returns {patient, plan, exercise}.
  std::vector<std::string> PatientWithPlan(const std::string& given) {
    const std::string patient = AddPatient(given, "Watched");
    EXPECT_EQ(Cli({"intake", "record", patient, "--duration-weeks", "20",
                   "--pain-now", "6", "--odi", "2,1,2,1,2,2,1,0,1,2",
                   "--start-back", "1,0,0,1,0,0,0,0,2"})
                  .exit_code,
              0);
    ProcessResult assign = Cli({"plans", "assign", patient, "-o", "json"});
    EXPECT_EQ(assign.exit_code, 0) << assign.err;
    return {patient, JsonString(assign.out, "name"),
            JsonString(assign.out, "exercise").substr(10)};
  }
  void LogRed(const std::vector<std::string>& p) {
    ProcessResult r =
        Cli({"sessions", "log", p[0], "--plan", p[1], "--pain-before", "4",
             "--pain-during", "8", "--pain-after", "6", "--done", p[2]});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // Logs RED sessions until `watch` has printed `lines` lines (the watch
  // sees alerts raised after it started, and it starts on its own time).
  static std::vector<std::string> Lines(const std::string& out) {
    std::vector<std::string> lines = absl::StrSplit(out, '\n');
    if (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
  }
  std::vector<std::string> RaiseUntilPrinted(
      Process& watch, const std::vector<std::string>& p) {
    for (int attempt = 0; attempt < 20; ++attempt) {
      LogRed(p);
      const absl::Time give_up = absl::Now() + absl::Seconds(2);
      while (absl::Now() < give_up) {
        if (!Lines(watch.out()).empty()) return Lines(watch.out());
        absl::SleepFor(absl::Milliseconds(100));
      }
    }
    return {};
  }
};

TEST_F(AlertsWatchTest, PrintsNewAlertsUntilCtrlC) {
  const auto p = PatientWithPlan("Wanda");
  Process watch({CliBinary(), "alerts", "watch"}, CliEnv());
  const std::vector<std::string> lines = RaiseUntilPrinted(watch, p);
  ASSERT_FALSE(lines.empty()) << watch.err();
  EXPECT_TRUE(StrContains(lines[0], "pain flare")) << lines[0];
  EXPECT_TRUE(StrContains(lines[0], p[0].substr(9) + "/alerts/")) << lines[0];
  EXPECT_TRUE(StrContains(lines[0], "RED session")) << lines[0];
  watch.Signal(SIGINT);
  EXPECT_EQ(watch.Wait(absl::Seconds(10)), 0) << watch.err();
}

TEST_F(AlertsWatchTest, JsonLinesCarryTheCursorToResumeFrom) {
  const auto p = PatientWithPlan("Walt");
  std::string first_cursor;
  {
    Process watch({CliBinary(), "alerts", "watch", p[0], "-o", "json"},
                  CliEnv());
    const std::vector<std::string> lines = RaiseUntilPrinted(watch, p);
    ASSERT_FALSE(lines.empty()) << watch.err();
    EXPECT_TRUE(StrContains(lines[0], "\"kind\":\"KIND_PAIN_FLARE\""))
        << lines[0];
    first_cursor = JsonString(lines[0], "cursor");
    ASSERT_FALSE(first_cursor.empty()) << lines[0];
    watch.Signal(SIGTERM);
    EXPECT_EQ(watch.Wait(absl::Seconds(10)), 0) << watch.err();
  }
  // Raised while nobody watched.
  LogRed(p);
  ProcessResult list = Cli({"alerts", "list", p[0], "-o", "json"});
  const std::string newest = JsonString(list.out, "name");  // newest first
  Process resumed({CliBinary(), "alerts", "watch", p[0], "-o", "json",
                   "--after", first_cursor},
                  CliEnv());
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  while (absl::Now() < give_up &&
         !StrContains(resumed.out(), "\"name\":\"" + newest + "\"")) {
    absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_TRUE(StrContains(resumed.out(), "\"name\":\"" + newest + "\""))
      << resumed.out() << resumed.err();
  resumed.Signal(SIGINT);
  EXPECT_EQ(resumed.Wait(absl::Seconds(10)), 0);
}

TEST_F(AlertsWatchTest, ABadCursorIsRefusedWithTheField) {
  ProcessResult r = Cli({"alerts", "watch", "--after", "nonsense"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(StrContains(r.err, "after:")) << r.err;
}

}  // namespace
}  // namespace corebalance::test
