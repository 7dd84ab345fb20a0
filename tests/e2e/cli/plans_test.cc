// Clinic templates and a plan's life through the CLI: create and edit a
// template, assign it, adjust, pause, resume, complete, and read the
// history with each reason.

#include <gtest/gtest.h>

#include <fstream>

#include "absl/strings/match.h"
#include "tests/e2e/cli/cli_fixture.h"

namespace corebalance::test {
namespace {

using ::absl::StrContains;

class PlansCliTest : public CliTest {
 protected:
  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = home() + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
};

constexpr char kTemplate[] = R"({
  "displayName": "Desk worker basics",
  "description": "For patients who sit all day",
  "phase": 1,
  "exercises": [
    {"exercise": "exercises/pelvic-tilt",
     "dose": {"sets": 2, "reps": 10, "frequencyPerWeek": 5}},
    {"exercise": "exercises/bird-dog",
     "dose": {"sets": 2, "reps": 8, "holdSeconds": 5, "perSide": true,
              "frequencyPerWeek": 5}}
  ]
})";

TEST_F(PlansCliTest, ClinicTemplateCreatedEditedAndFollowedByAPlan) {
  ProcessResult created = Cli({"templates", "create", "desk-basics", "--file",
                               WriteFile("template.json", kTemplate)});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_TRUE(StrContains(created.out, "Desk worker basics")) << created.out;

  std::string edited = kTemplate;
  edited.replace(edited.find("Desk worker basics"), 18, "Desk worker start");
  ProcessResult edit = Cli({"templates", "edit", "desk-basics", "--file",
                            WriteFile("edited.json", edited)});
  ASSERT_EQ(edit.exit_code, 0) << edit.err;
  ProcessResult show = Cli({"templates", "show", "desk-basics"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_TRUE(StrContains(show.out, "Desk worker start")) << show.out;
  EXPECT_TRUE(StrContains(show.out, "bird-dog")) << show.out;

  const std::string patient = AddPatient("Dora", "Deskbound");
  ASSERT_EQ(Cli({"intake", "record", patient, "--duration-weeks", "30",
                 "--pain-now", "5", "--odi", "1,1,2,1,1,2,1,0,1,1",
                 "--start-back", "0,0,0,1,0,0,0,0,1"})
                .exit_code,
            0);
  ProcessResult assign = Cli(
      {"plans", "assign", patient, "--template", "desk-basics", "-o", "json"});
  ASSERT_EQ(assign.exit_code, 0) << assign.err;
  const std::string plan = JsonString(assign.out, "name");
  EXPECT_TRUE(StrContains(assign.out, "planTemplates/desk-basics"))
      << assign.out;

  ProcessResult adjust =
      Cli({"plans", "adjust", plan, "--template", "desk-basics", "--dose-level",
           "reduced", "--reason", "sore after sessions"});
  ASSERT_EQ(adjust.exit_code, 0) << adjust.err;
  ProcessResult pause =
      Cli({"plans", "pause", plan, "--reason", "travelling two weeks"});
  ASSERT_EQ(pause.exit_code, 0) << pause.err;
  EXPECT_TRUE(StrContains(pause.out, "paused")) << pause.out;
  // A paused plan cannot be paused again: the server refuses, exit 1.
  ProcessResult again = Cli({"plans", "pause", plan, "--reason", "again"});
  EXPECT_EQ(again.exit_code, 1) << again.out;
  EXPECT_FALSE(again.err.empty());
  ASSERT_EQ(Cli({"plans", "resume", plan, "--reason", "back home"}).exit_code,
            0);
  ASSERT_EQ(Cli({"plans", "complete", plan, "--reason", "goals met"}).exit_code,
            0);

  ProcessResult history = Cli({"plans", "history", plan});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  for (const char* reason : {"sore after sessions", "travelling two weeks",
                             "back home", "goals met"}) {
    EXPECT_TRUE(StrContains(history.out, reason)) << reason << history.out;
  }
  ProcessResult json = Cli({"plans", "history", plan, "-o", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_TRUE(StrContains(json.out, "ACTION_COMPLETE")) << json.out;
  EXPECT_TRUE(StrContains(json.out, "ACTION_ASSIGN")) << json.out;
}

TEST_F(PlansCliTest, ABadTemplateFileNamesTheField) {
  ProcessResult r = Cli({"templates", "create", "broken", "--file",
                         WriteFile("broken.json", R"({"displayName": "X",
                          "phase": 0, "exercises": []})")});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(StrContains(r.err, "phase")) << r.err;
}

}  // namespace
}  // namespace corebalance::test
