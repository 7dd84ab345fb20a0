// The practitioner CLI run as a user would: what they see on stdout and
// stderr, and the documented exit codes.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "absl/strings/match.h"
#include "tests/e2e/cli/cli_fixture.h"
#include "tests/e2e/cli/pty_session.h"
#include "tests/support/free_port.h"

namespace corebalance::test {
namespace {

using ::absl::StrContains;

TEST_F(CliTest, AddedPatientShowsInListAndShowAsTableAndJson) {
  ProcessResult add =
      Cli({"patients", "add", "--given-name", "Ana", "--family-name",
           "Quintero", "--birth-date", "1970-04-02", "--sex", "female"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_TRUE(StrContains(add.out, "Family name:  Quintero")) << add.out;
  const auto at = add.out.find("patients/");
  ASSERT_NE(at, std::string::npos) << add.out;
  const std::string name = add.out.substr(at, add.out.find('\n', at) - at);
  const std::string id = name.substr(9);

  ProcessResult list = Cli({"patients", "list", "--search", "quinter"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_TRUE(StrContains(list.out, "FAMILY NAME")) << list.out;
  EXPECT_TRUE(StrContains(list.out, id)) << list.out;
  EXPECT_TRUE(StrContains(list.out, "1970-04-02")) << list.out;

  ProcessResult json =
      Cli({"patients", "list", "--search", "quinter", "-o", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_TRUE(StrContains(json.out, "\"familyName\": \"Quintero\""))
      << json.out;
  EXPECT_TRUE(StrContains(json.out, "\"name\": \"" + name + "\"")) << json.out;

  // By id and by resource name alike.
  for (const std::string& which : {id, name}) {
    ProcessResult show = Cli({"patients", "show", which});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    EXPECT_TRUE(StrContains(show.out, "Given name:   Ana")) << show.out;
    EXPECT_TRUE(StrContains(show.out, "Sex:          female")) << show.out;
  }
  ProcessResult show_json = Cli({"patients", "show", id, "--output", "json"});
  EXPECT_TRUE(StrContains(show_json.out, "\"birthDate\"")) << show_json.out;
}

TEST_F(CliTest, IntakeFromFlagsAndFromFileThenAssignPlan) {
  const std::string patient = AddPatient("Bo", "Lindqvist");
  ProcessResult flags = Cli(
      {"intake", "record", patient, "--duration-weeks", "20", "--pain-now", "6",
       "--odi", "2,1,2,1,2,2,1,0,1,2", "--start-back", "1,0,0,1,0,0,0,0,2"});
  ASSERT_EQ(flags.exit_code, 0) << flags.err;
  // 14 of 50 points: 28 %, moderate; STarT Back total 2: low.
  EXPECT_TRUE(StrContains(flags.out, "ODI:")) << flags.out;
  EXPECT_TRUE(StrContains(flags.out, "28.0 % (moderate)")) << flags.out;
  EXPECT_TRUE(StrContains(flags.out, "low (total 2, psychosocial 0)"))
      << flags.out;
  EXPECT_TRUE(StrContains(flags.out, "Disposition:")) << flags.out;
  EXPECT_TRUE(StrContains(flags.out, "proceed")) << flags.out;

  const std::string file = home() + "/answers.json";
  std::ofstream(file) << R"({"kind": "KIND_FOLLOW_UP", "nprsNow": 3,
    "odiSections": [{"score":1},{"score":1},{"score":1},{"score":1},{"score":1},
                    {"score":1},{"score":1},{"score":0},{"score":1},{"score":1}],
    "redFlags": ["RED_FLAG_NIGHT_PAIN"]})";
  ProcessResult from_file =
      Cli({"intake", "record", patient, "--file", file, "-o", "json"});
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  EXPECT_TRUE(StrContains(from_file.out, "\"kind\": \"KIND_FOLLOW_UP\""))
      << from_file.out;
  EXPECT_TRUE(
      StrContains(from_file.out, "\"disposition\": \"DISPOSITION_REFER\""))
      << from_file.out;

  ProcessResult list = Cli({"intake", "list", patient});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_TRUE(StrContains(list.out, "follow up")) << list.out;
  EXPECT_TRUE(StrContains(list.out, "initial")) << list.out;
  EXPECT_TRUE(StrContains(list.out, "refer")) << list.out;

  // The latest intake refers: a plan needs an override reason.
  ProcessResult refused = Cli({"plans", "assign", patient});
  EXPECT_EQ(refused.exit_code, 1) << refused.out;
  EXPECT_TRUE(StrContains(refused.err, "Error: ")) << refused.err;
  ProcessResult assign =
      Cli({"plans", "assign", patient, "--template", "foundation",
           "--override-reason", "night pain explained by shift work"});
  ASSERT_EQ(assign.exit_code, 0) << assign.err;
  EXPECT_TRUE(StrContains(assign.out, "planTemplates/foundation"))
      << assign.out;
  EXPECT_TRUE(StrContains(assign.out, "EXERCISE")) << assign.out;

  ProcessResult plans = Cli({"plans", "list", patient, "-o", "json"});
  ASSERT_EQ(plans.exit_code, 0) << plans.err;
  EXPECT_TRUE(StrContains(plans.out, "\"state\": \"STATE_ACTIVE\""))
      << plans.out;
  EXPECT_TRUE(
      StrContains(plans.out, "\"overrideReason\": \"night pain explained"))
      << plans.out;
}

TEST_F(CliTest, InteractiveIntakeAsksEachQuestionOnATerminal) {
  const std::string patient = AddPatient("Cy", "Moreau");
  auto env = CliEnv();
  env["NO_COLOR"] = "1";
  PtySession tty({CliBinary(), "intake", "record", patient}, env);
  ASSERT_TRUE(tty.Expect("How many weeks")) << tty.output();
  tty.Send("20");
  ASSERT_TRUE(tty.Expect("Pain now")) << tty.output();
  tty.Send("12");
  ASSERT_TRUE(tty.Expect("Please enter a whole number from 0 to 10"))
      << tty.output();
  tty.Send("6");
  ASSERT_TRUE(tty.Expect("Best pain")) << tty.output();
  tty.Send("");
  ASSERT_TRUE(tty.Expect("Worst pain")) << tty.output();
  tty.Send("8");
  for (int section = 1; section <= 10; ++section) {
    ASSERT_TRUE(tty.Expect("Section " + std::to_string(section) + " of 10"))
        << tty.output();
    ASSERT_TRUE(tty.Expect("Answer 0-5")) << tty.output();
    tty.Send("2");
  }
  for (int item = 1; item <= 8; ++item) {
    ASSERT_TRUE(tty.Expect("Agree? [y/N]")) << tty.output();
    tty.Send(item <= 2 ? "y" : "n");
  }
  ASSERT_TRUE(tty.Expect("how bothersome")) << tty.output();
  ASSERT_TRUE(tty.Expect("Answer 0-4")) << tty.output();
  tty.Send("1");
  ASSERT_TRUE(tty.Expect("Saddle anaesthesia")) << tty.output();
  for (int flag = 1; flag <= 15; ++flag) {
    if (flag > 1) {
      ASSERT_TRUE(tty.Expect("[y/N]")) << tty.output();
    }
    tty.Send("n");
  }
  ASSERT_TRUE(tty.Expect("Walking minutes")) << tty.output();
  tty.Send("30");
  ASSERT_TRUE(tty.Expect("Notes")) << tty.output();
  tty.Send("first visit");
  EXPECT_EQ(tty.Wait(), 0) << tty.output();
  // All ten sections at 2: 20 of 50 points.
  EXPECT_TRUE(StrContains(tty.output(), "40.0 % (moderate)")) << tty.output();
  EXPECT_TRUE(StrContains(tty.output(), "Disposition:      proceed"))
      << tty.output();

  ProcessResult saved = Cli({"intake", "list", patient, "-o", "json"});
  EXPECT_TRUE(StrContains(saved.out, "\"nprsNow\": 6")) << saved.out;
  EXPECT_TRUE(StrContains(saved.out, "\"notes\": \"first visit\""))
      << saved.out;
}

TEST_F(CliTest, BadFlagIsAUsageError) {
  ProcessResult missing = Cli({"patients", "add", "--given-name", "Ana"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(StrContains(missing.err, "--family-name is required"))
      << missing.err;
  ProcessResult format = Cli({"patients", "list", "--output", "yaml"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_TRUE(StrContains(format.err, "--output")) << format.err;
  ProcessResult help = Cli({"plans", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(StrContains(help.out, "Examples:")) << help.out;
}

TEST_F(CliTest, UnknownPatientIsNotFound) {
  ProcessResult r = Cli({"patients", "show", "no-such-patient"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(StrContains(r.err, "not found")) << r.err;
  EXPECT_TRUE(StrContains(r.err, "patients/no-such-patient")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, BadPainValueShowsTheFieldOnItsOwnLine) {
  const std::string patient = AddPatient("Di", "Okafor");
  ProcessResult r = Cli({"intake", "record", patient, "--duration-weeks", "20",
                         "--pain-now", "11", "--odi", "1,1,1,1,1,1,1,1,1,1",
                         "--start-back", "0,0,0,0,0,0,0,0,0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(StrContains(r.err, "invalid argument")) << r.err;
  EXPECT_TRUE(StrContains(
      r.err, "\n  assessment.nprs_now: must be between 0 and 10, got 11"))
      << r.err;
}

TEST_F(CliTest, NoTokenIsAnAuthError) {
  ProcessResult r = Cli({"patients", "list"}, {{"COREBALANCE_TOKEN", ""}});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_TRUE(StrContains(r.err, "not logged in")) << r.err;
  ProcessResult wrong =
      Cli({"patients", "list"}, {{"COREBALANCE_TOKEN", "cbt_wrong"}});
  EXPECT_EQ(wrong.exit_code, 4);
  EXPECT_TRUE(StrContains(wrong.err, "not authenticated")) << wrong.err;
}

TEST_F(CliTest, ServerDownIsUnavailable) {
  const std::string nowhere = "127.0.0.1:" + std::to_string(PickFreePort());
  ProcessResult r = Cli({"patients", "list", "--timeout", "2s"},
                        {{"COREBALANCE_ADDR", nowhere}});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_TRUE(StrContains(r.err, "server unavailable")) << r.err;
  EXPECT_TRUE(StrContains(r.err, nowhere)) << r.err;
}

TEST_F(CliTest, LoginVerifiesAndStoresTheTokenPrivately) {
  ProcessResult bad =
      Cli({"login", "--token", "cbt_wrong"}, {{"COREBALANCE_TOKEN", ""}});
  EXPECT_EQ(bad.exit_code, 4) << bad.err;
  ProcessResult login =
      Cli({"login", "--token", admin_token(), "--profile", "clinic"},
          {{"COREBALANCE_TOKEN", ""}});
  ASSERT_EQ(login.exit_code, 0) << login.err;
  EXPECT_TRUE(StrContains(login.out, "as Clinic Admin (admin) of San Clemente"))
      << login.out;
  const std::string config = home() + "/config/corebalance/config";
  struct stat st {};
  ASSERT_EQ(stat(config.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  // The saved profile is enough on its own.
  ProcessResult list =
      Cli({"--profile", "clinic", "patients", "list"},
          {{"COREBALANCE_TOKEN", ""}, {"COREBALANCE_ADDR", ""}});
  EXPECT_EQ(list.exit_code, 0) << list.err;
}

TEST_F(CliTest, ClinicDaySessionsProgressAndAlerts) {
  const std::string patient = AddPatient("Eva", "Salinas");
  ProcessResult intake = Cli(
      {"intake", "record", patient, "--duration-weeks", "20", "--pain-now", "6",
       "--odi", "2,1,2,1,2,2,1,0,1,2", "--start-back", "1,0,0,1,0,0,0,0,2"});
  ASSERT_EQ(intake.exit_code, 0) << intake.err;
  ProcessResult assign = Cli({"plans", "assign", patient, "-o", "json"});
  ASSERT_EQ(assign.exit_code, 0) << assign.err;
  const std::string plan = JsonString(assign.out, "name");
  const std::string exercise = JsonString(assign.out, "exercise");
  ASSERT_NE(plan.find("/plans/"), std::string::npos) << assign.out;
  ASSERT_EQ(exercise.rfind("exercises/", 0), 0u) << assign.out;

  ProcessResult easy =
      Cli({"sessions", "log", patient, "--plan", plan, "--pain-before", "3",
           "--pain-during", "3", "--pain-after", "3", "--done",
           exercise.substr(10), "--rpe", "4", "--walking-minutes", "20"});
  ASSERT_EQ(easy.exit_code, 0) << easy.err;
  EXPECT_TRUE(StrContains(easy.out, "Traffic light:")) << easy.out;
  EXPECT_TRUE(StrContains(easy.out, exercise.substr(10))) << easy.out;
  ProcessResult fine =
      Cli({"sessions", "log", patient, "--plan", plan, "--performed-at", "now",
           "--pain-before", "3", "--pain-during", "4", "--pain-after", "3",
           "--skipped", exercise.substr(10) + ":short of time"});
  ASSERT_EQ(fine.exit_code, 0) << fine.err;
  EXPECT_TRUE(StrContains(fine.out, "short of time")) << fine.out;
  ProcessResult painful =
      Cli({"sessions", "log", patient, "--plan", plan, "--pain-before", "4",
           "--pain-during", "8", "--pain-after", "6", "--notes", "bad day",
           "-o", "json"});
  ASSERT_EQ(painful.exit_code, 0) << painful.err;
  EXPECT_TRUE(
      StrContains(painful.out, "\"trafficLight\": \"TRAFFIC_LIGHT_RED\""))
      << painful.out;
  const std::string session = JsonString(painful.out, "name");

  ProcessResult list = Cli({"sessions", "list", patient});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_TRUE(StrContains(list.out, "LIGHT")) << list.out;
  EXPECT_TRUE(StrContains(list.out, "8/10")) << list.out;
  ProcessResult update =
      Cli({"sessions", "update", session, "--pain-24h", "5"});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_TRUE(StrContains(update.out, "Pain 24 h:")) << update.out;
  EXPECT_TRUE(StrContains(update.out, "5/10")) << update.out;
  ProcessResult show = Cli({"sessions", "show", session});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_TRUE(StrContains(show.out, "bad day")) << show.out;

  ProcessResult progress = Cli({"progress", patient});
  ASSERT_EQ(progress.exit_code, 0) << progress.err;
  EXPECT_TRUE(StrContains(progress.out, "red 1")) << progress.out;
  EXPECT_TRUE(StrContains(progress.out, "\nRecommendation: ")) << progress.out;
  EXPECT_TRUE(StrContains(progress.out, "ADHERENCE")) << progress.out;
  // Pain 8 of 10 is the sixth block of eight.
  EXPECT_TRUE(StrContains(progress.out, "\xe2\x96\x86")) << progress.out;
  ProcessResult progress_json = Cli({"progress", patient, "-o", "json"});
  ASSERT_EQ(progress_json.exit_code, 0) << progress_json.err;
  EXPECT_TRUE(StrContains(progress_json.out, "\"redSessions\": 1"))
      << progress_json.out;

  ProcessResult alerts = Cli({"alerts", "list", patient});
  ASSERT_EQ(alerts.exit_code, 0) << alerts.err;
  EXPECT_TRUE(StrContains(alerts.out, "pain flare")) << alerts.out;
  ProcessResult alerts_json =
      Cli({"alerts", "list", patient, "--kind", "pain-flare", "-o", "json"});
  ASSERT_EQ(alerts_json.exit_code, 0) << alerts_json.err;
  const std::string alert = JsonString(alerts_json.out, "name");
  ASSERT_NE(alert.find("/alerts/"), std::string::npos) << alerts_json.out;
  ProcessResult ack =
      Cli({"alerts", "ack", alert, "--note", "called her, regressed plan"});
  ASSERT_EQ(ack.exit_code, 0) << ack.err;
  EXPECT_TRUE(StrContains(ack.out, "acknowledged")) << ack.out;
  EXPECT_TRUE(StrContains(ack.out, "called her, regressed plan")) << ack.out;
  ProcessResult acknowledged =
      Cli({"alerts", "list", patient, "--acknowledged"});
  ASSERT_EQ(acknowledged.exit_code, 0) << acknowledged.err;
  EXPECT_TRUE(StrContains(acknowledged.out, alert.substr(9)))
      << acknowledged.out;
}

TEST_F(CliTest, SessionPainOutOfRangeShowsTheFieldOnItsOwnLine) {
  const std::string patient = AddPatient("Finn", "Adeyemi");
  ASSERT_EQ(Cli({"intake", "record", patient, "--duration-weeks", "20",
                 "--pain-now", "5", "--odi", "1,1,1,1,1,1,1,1,1,1",
                 "--start-back", "0,0,0,0,0,0,0,0,0"})
                .exit_code,
            0);
  ASSERT_EQ(Cli({"plans", "assign", patient}).exit_code, 0);
  ProcessResult r = Cli({"sessions", "log", patient, "--pain-before", "3",
                         "--pain-during", "11", "--pain-after", "3"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(StrContains(r.err, "invalid argument")) << r.err;
  EXPECT_TRUE(StrContains(
      r.err, "\n  session.worst_pain_during: must be 0..10, got 11"))
      << r.err;
}

}  // namespace
}  // namespace corebalance::test
