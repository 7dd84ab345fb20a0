// After assignment: adjustments as revisions (who, what, why), etags,
// listing and clinic isolation. State transitions: transition_test.cc.

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/integration/prescription/prescription_fixture.h"

namespace corebalance::test {
namespace {

using LifecycleTest = PrescriptionTest;

grpc::Status Adjust(const v1::Plan& plan, const std::vector<std::string>& paths,
                    const std::string& reason, v1::Plan* out) {
  v1::AdjustPlanRequest r;
  *r.mutable_plan() = plan;
  for (const auto& p : paths) r.mutable_update_mask()->add_paths(p);
  r.set_reason(reason);
  return PrescriptionTest::Stub()->AdjustPlan(
      Context(PrescriptionTest::Practitioner()).get(), r, out);
}

bool Has(const v1::PlanRevision& r, const std::string& line) {
  for (const auto& c : r.changes()) {
    if (absl::StrContains(c, line)) return true;
  }
  return false;
}

TEST_F(LifecycleTest, AdjustingDosesIsANewRevisionWithWhoWhatAndWhy) {
  const std::string patient =
      patients().Assessed(Intake::kStandard, "Adjusted");
  const v1::Plan assigned = MustAssign(patient);
  // Keep everything but cat-camel, double the glute bridge, add bird dog.
  v1::Plan change;
  change.set_name(assigned.name());
  change.set_etag(assigned.etag());
  for (const auto& e : assigned.exercises()) {
    if (e.exercise() == "exercises/cat-camel") continue;
    v1::PlanExercise* copy = change.add_exercises();
    *copy = e;
    if (e.exercise() == "exercises/glute-bridge") {
      copy->mutable_dose()->set_sets(2);
    }
  }
  *change.add_exercises() = PlanExercise("bird-dog");
  const std::string why = "all sessions green for two weeks";
  v1::Plan adjusted;
  grpc::Status s = Adjust(change, {"exercises"}, why, &adjusted);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(adjusted.revision(), 2);
  EXPECT_NE(adjusted.etag(), assigned.etag());
  EXPECT_EQ(adjusted.exercises_size(), assigned.exercises_size());
  EXPECT_EQ(adjusted.plan_template(), assigned.plan_template());
  EXPECT_GT(adjusted.adjust_time().seconds() * 1000000000LL +
                adjusted.adjust_time().nanos(),
            assigned.adjust_time().seconds() * 1000000000LL +
                assigned.adjust_time().nanos());

  const auto revisions = AllRevisions(assigned.name());
  ASSERT_EQ(revisions.size(), 2u);
  const v1::PlanRevision& latest = revisions[0];
  EXPECT_EQ(latest.revision(), 2);
  EXPECT_EQ(latest.name(), assigned.name() + "/revisions/2");
  EXPECT_EQ(latest.action(), v1::PlanRevision::ACTION_ADJUST);
  EXPECT_EQ(latest.actor(), PractitionerName());
  EXPECT_EQ(latest.reason(), why);
  EXPECT_TRUE(Has(latest, "removed exercises/cat-camel"));
  EXPECT_TRUE(Has(latest, "added exercises/bird-dog"));
  EXPECT_TRUE(Has(latest, "exercises/glute-bridge: 1 x 10 reps"));
  EXPECT_EQ(latest.exercises_size(), adjusted.exercises_size());
  EXPECT_EQ(revisions[1].action(), v1::PlanRevision::ACTION_ASSIGN);
  EXPECT_EQ(revisions[1].exercises_size(), assigned.exercises_size());
}

TEST_F(LifecycleTest, ChangingTheTemplateTakesTheNextPhasesExercises) {
  const std::string patient = patients().Assessed(Intake::kReduced, "Progress");
  const v1::Plan assigned = MustAssign(patient);
  ASSERT_EQ(assigned.dose_level(), v1::DOSE_LEVEL_REDUCED);
  v1::Plan change;
  change.set_name(assigned.name());
  change.set_plan_template("planTemplates/stability");
  change.set_dose_level(v1::DOSE_LEVEL_STANDARD);
  v1::Plan adjusted;
  grpc::Status s = Adjust(change, {"plan_template", "dose_level"},
                          "foundation phase done", &adjusted);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(adjusted.plan_template(), "planTemplates/stability");
  EXPECT_EQ(adjusted.dose_level(), v1::DOSE_LEVEL_STANDARD);
  v1::GetPlanTemplateRequest get;
  get.set_name("planTemplates/stability");
  v1::PlanTemplate stability;
  ASSERT_TRUE(
      Stub()
          ->GetPlanTemplate(Context(Practitioner()).get(), get, &stability)
          .ok());
  ASSERT_EQ(adjusted.exercises_size(), stability.exercises_size());
  for (int i = 0; i < adjusted.exercises_size(); ++i) {
    EXPECT_EQ(adjusted.exercises(i).SerializeAsString(),
              stability.exercises(i).SerializeAsString());
  }
  const auto revisions = AllRevisions(assigned.name());
  ASSERT_FALSE(revisions.empty());
  EXPECT_TRUE(Has(revisions[0],
                  "plan_template: planTemplates/foundation -> "
                  "planTemplates/stability"));
  EXPECT_TRUE(Has(revisions[0],
                  "dose_level: DOSE_LEVEL_REDUCED -> "
                  "DOSE_LEVEL_STANDARD"));
}

TEST_F(LifecycleTest, AStaleEtagIsAbortedAndChangesNothing) {
  const std::string patient = patients().Assessed(Intake::kStandard, "Stale");
  const v1::Plan assigned = MustAssign(patient);
  v1::Plan paused;
  ASSERT_TRUE(ActOnPlan(Act::kPause, assigned.name(), &paused, "flare-up",
                        assigned.etag())
                  .ok());
  v1::Plan out;
  grpc::Status s = ActOnPlan(Act::kAdjust, assigned.name(), &out, "too late",
                             assigned.etag());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << s.error_message();
  EXPECT_EQ(ReasonOf(s), "ETAG_MISMATCH");
  s = ActOnPlan(Act::kResume, assigned.name(), &out, "better", assigned.etag());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(MustGet(assigned.name()).revision(), paused.revision());
  // The current etag works.
  EXPECT_TRUE(
      ActOnPlan(Act::kResume, assigned.name(), &out, "better", paused.etag())
          .ok());
}

TEST_F(LifecycleTest, BadAdjustmentsAreInvalidArgumentsAndChangeNothing) {
  const std::string patient = patients().Assessed(Intake::kStandard, "BadAdj");
  const v1::Plan assigned = MustAssign(patient);
  v1::Plan out;
  v1::Plan change;
  change.set_name(assigned.name());
  struct Case {
    std::string what;
    v1::Plan plan;
    std::vector<std::string> paths;
    std::string reason;
    std::string field;
  };
  v1::Plan twice = change;
  *twice.add_exercises() = PlanExercise("walking");
  *twice.add_exercises() = PlanExercise("walking");
  v1::Plan too_often = change;
  const v1::Dose dose = MakeDose(1, 10, 0, 0, 21);
  *too_often.add_exercises() = PlanExercise("clamshell", &dose);
  v1::Plan unknown_template = change;
  unknown_template.set_plan_template("planTemplates/phase-9");
  v1::Plan level_only = change;
  level_only.set_dose_level(v1::DOSE_LEVEL_REDUCED);
  const std::vector<Case> cases = {
      {"empty mask", change, {}, "why", "update_mask"},
      {"unknown path", change, {"state"}, "why", "update_mask"},
      {"no reason", twice, {"exercises"}, "", "reason"},
      {"exercise twice",
       twice,
       {"exercises"},
       "why",
       "plan.exercises[1].exercise"},
      {"frequency 21",
       too_often,
       {"exercises"},
       "why",
       "plan.exercises[0].dose.frequency_per_week"},
      {"unknown template",
       unknown_template,
       {"plan_template"},
       "why",
       "plan.plan_template"},
      {"dose level alone", level_only, {"dose_level"}, "why", "update_mask"},
  };
  for (const Case& c : cases) {
    grpc::Status s = Adjust(c.plan, c.paths, c.reason, &out);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << c.what << ": " << s.error_message();
    EXPECT_TRUE(Violations(s).count(c.field))
        << c.what << ": " << s.error_message();
  }
  const v1::Plan after = MustGet(assigned.name());
  EXPECT_EQ(after.SerializeAsString(), assigned.SerializeAsString());
  EXPECT_EQ(AllRevisions(assigned.name()).size(), 1u);
}

TEST_F(LifecycleTest, ListPlansIsNewestFirstPagedAndFiltered) {
  const std::string patient = patients().Assessed(Intake::kStandard, "Lister");
  std::vector<std::string> assigned;
  for (int i = 0; i < 3; ++i) assigned.push_back(MustAssign(patient).name());
  const std::vector<v1::Plan> plans = AllPlans(patient, 2);
  ASSERT_EQ(plans.size(), 3u);
  EXPECT_EQ(plans[0].name(), assigned[2]);
  EXPECT_EQ(plans[1].name(), assigned[1]);
  EXPECT_EQ(plans[2].name(), assigned[0]);
  const auto active = AllPlans(patient, 2, v1::Plan::STATE_ACTIVE);
  ASSERT_EQ(active.size(), 1u);
  EXPECT_EQ(active[0].name(), assigned[2]);
  EXPECT_EQ(AllPlans(patient, 2, v1::Plan::STATE_COMPLETED).size(), 2u);

  int seen = 0;
  for (const auto& p : AllPlans("patients/-", 50)) {
    for (const auto& name : assigned) seen += p.name() == name;
  }
  EXPECT_EQ(seen, 3);

  // A page token only works with the filters it was issued for.
  v1::ListPlansRequest request;
  request.set_parent(patient);
  request.set_page_size(1);
  v1::ListPlansResponse page;
  ASSERT_TRUE(
      Stub()->ListPlans(Context(Practitioner()).get(), request, &page).ok());
  ASSERT_FALSE(page.next_page_token().empty());
  request.set_page_token(page.next_page_token());
  request.set_state(v1::Plan::STATE_ACTIVE);
  EXPECT_EQ(Stub()
                ->ListPlans(Context(Practitioner()).get(), request, &page)
                .error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(LifecycleTest, AnotherClinicSeesNoneOfOurPlans) {
  const std::string patient = patients().Assessed(Intake::kStandard, "Private");
  const v1::Plan plan = MustAssign(patient);
  const std::string other = server_->OtherClinicAdminToken("Capistrano");
  v1::GetPlanRequest get;
  get.set_name(plan.name());
  v1::Plan out;
  EXPECT_EQ(Stub()->GetPlan(Context(other).get(), get, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::CancelPlanRequest cancel;
  cancel.set_name(plan.name());
  cancel.set_reason("not ours");
  EXPECT_EQ(Stub()->CancelPlan(Context(other).get(), cancel, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::ListPlansRequest list;
  list.set_parent("patients/-");
  v1::ListPlansResponse listed;
  ASSERT_TRUE(Stub()->ListPlans(Context(other).get(), list, &listed).ok());
  EXPECT_EQ(listed.plans_size(), 0);
  v1::ListPlanRevisionsRequest revisions;
  revisions.set_parent(plan.name());
  v1::ListPlanRevisionsResponse history;
  EXPECT_EQ(Stub()
                ->ListPlanRevisions(Context(other).get(), revisions, &history)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(MustGet(plan.name()).state(), v1::Plan::STATE_ACTIVE);
}

}  // namespace
}  // namespace corebalance::test
