// AssignPlan: the intake gates (assessment, REFER), doses derived from the
// assessment, bad input, supersession (also under concurrent calls),
// idempotency, who may assign and what gets audited.

#include <atomic>
#include <thread>

#include "absl/strings/match.h"
#include "absl/synchronization/barrier.h"
#include "services/prescription/rules/catalogue_seed.h"
#include "services/prescription/rules/reduced_dose.h"
#include "tests/integration/prescription/prescription_fixture.h"

namespace corebalance::test {
namespace {

using prescription::Dose;

Dose FromProto(const v1::Dose& d) {
  return Dose{d.sets(),
              d.reps(),
              d.hold_seconds(),
              d.rest_seconds(),
              d.duration_minutes(),
              d.frequency_per_week(),
              d.per_side()};
}

v1::PlanTemplate GetTemplate(const std::string& name) {
  v1::GetPlanTemplateRequest request;
  request.set_name(name);
  v1::PlanTemplate out;
  grpc::Status s = PrescriptionTest::Stub()->GetPlanTemplate(
      Context(PrescriptionTest::Practitioner()).get(), request, &out);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return out;
}

using AssignTest = PrescriptionTest;

TEST_F(AssignTest, StartsFromTheAssessmentsTemplateAtTheStandardDose) {
  const std::string patient = patients().Create("Standard");
  const v1::Assessment assessment =
      patients().Assess(patient, Intake::kStandard);
  ASSERT_EQ(assessment.result().dose_level(), v1::DOSE_LEVEL_STANDARD);

  const v1::Plan plan = MustAssign(patient);
  EXPECT_TRUE(absl::StartsWith(plan.name(), patient + "/plans/"))
      << plan.name();
  EXPECT_EQ(plan.plan_template(), assessment.result().starting_plan_template());
  EXPECT_EQ(plan.dose_level(), v1::DOSE_LEVEL_STANDARD);
  EXPECT_EQ(plan.state(), v1::Plan::STATE_ACTIVE);
  EXPECT_EQ(plan.care_plan_status(), "active");
  EXPECT_EQ(plan.assessment(), assessment.name());
  EXPECT_EQ(plan.assigned_by(), PractitionerName());
  EXPECT_EQ(plan.revision(), 1);
  EXPECT_TRUE(plan.override_reason().empty());
  EXPECT_FALSE(plan.etag().empty());

  const v1::PlanTemplate plan_template = GetTemplate(plan.plan_template());
  ASSERT_EQ(plan.exercises_size(), plan_template.exercises_size());
  for (int i = 0; i < plan.exercises_size(); ++i) {
    EXPECT_EQ(plan.exercises(i).exercise(),
              plan_template.exercises(i).exercise());
    EXPECT_EQ(plan.exercises(i).dose().SerializeAsString(),
              plan_template.exercises(i).dose().SerializeAsString())
        << plan.exercises(i).exercise();
  }
  // What GetPlan returns is what was assigned.
  EXPECT_EQ(MustGet(plan.name()).SerializeAsString(), plan.SerializeAsString());
}

TEST_F(AssignTest, ReducedDoseLevelLowersEveryTemplateDose) {
  const std::string patient = patients().Create("Reduced");
  const v1::Assessment assessment =
      patients().Assess(patient, Intake::kReduced);
  ASSERT_EQ(assessment.result().dose_level(), v1::DOSE_LEVEL_REDUCED);

  const v1::Plan plan = MustAssign(patient);
  EXPECT_EQ(plan.dose_level(), v1::DOSE_LEVEL_REDUCED);
  const v1::PlanTemplate plan_template = GetTemplate(plan.plan_template());
  ASSERT_EQ(plan.exercises_size(), plan_template.exercises_size());
  int lowered = 0;
  for (int i = 0; i < plan.exercises_size(); ++i) {
    const Dose standard = FromProto(plan_template.exercises(i).dose());
    const Dose got = FromProto(plan.exercises(i).dose());
    EXPECT_EQ(got, prescription::ReduceDose(standard))
        << plan.exercises(i).exercise();
    if (!(got == standard)) ++lowered;
  }
  EXPECT_GT(lowered, 0) << "the reduced plan equals the standard one";
  // The reference's example: foundation walking 10 min -> 5 min.
  const auto& walking = plan.exercises(plan.exercises_size() - 1);
  EXPECT_EQ(walking.exercise(), "exercises/walking");
  EXPECT_EQ(walking.dose().duration_minutes(), 5);
}

TEST_F(AssignTest, GivenDosesAreKeptAndMissingOnesDerived) {
  const std::string patient = patients().Assessed(Intake::kReduced, "Mixed");
  const v1::Dose bridge = MakeDose(3, 12, 5, 0, 5);
  v1::Plan request;
  *request.add_exercises() = PlanExercise("glute-bridge", &bridge);
  *request.add_exercises() = PlanExercise("bird-dog");  // not in foundation
  *request.add_exercises() = PlanExercise("walking");   // in foundation
  const v1::Plan plan = MustAssign(patient, request);

  ASSERT_EQ(plan.exercises_size(), 3);
  EXPECT_EQ(plan.exercises(0).dose().SerializeAsString(),
            bridge.SerializeAsString());
  const auto* bird_dog = prescription::FindCatalogueExercise("bird-dog");
  ASSERT_NE(bird_dog, nullptr);
  EXPECT_EQ(FromProto(plan.exercises(1).dose()),
            prescription::ReduceDose(bird_dog->default_dose));
  const auto* foundation = prescription::FindPlanTemplate("foundation");
  ASSERT_NE(foundation, nullptr);
  EXPECT_EQ(FromProto(plan.exercises(2).dose()),
            prescription::ReduceDose(foundation->exercises.back().dose));
}

TEST_F(AssignTest, AnExplicitTemplateAndDoseLevelWin) {
  const std::string patient = patients().Assessed(Intake::kReduced, "Explicit");
  v1::Plan request;
  request.set_plan_template("planTemplates/stability");
  request.set_dose_level(v1::DOSE_LEVEL_STANDARD);
  const v1::Plan plan = MustAssign(patient, request);
  EXPECT_EQ(plan.plan_template(), "planTemplates/stability");
  EXPECT_EQ(plan.dose_level(), v1::DOSE_LEVEL_STANDARD);
  const v1::PlanTemplate stability = GetTemplate("planTemplates/stability");
  ASSERT_EQ(plan.exercises_size(), stability.exercises_size());
  for (int i = 0; i < plan.exercises_size(); ++i) {
    EXPECT_EQ(plan.exercises(i).dose().SerializeAsString(),
              stability.exercises(i).dose().SerializeAsString());
  }
}

TEST_F(AssignTest, NoAssessmentIsAFailedPreconditionAndAssignsNothing) {
  const std::string patient = patients().Create("Unassessed");
  v1::Plan plan;
  grpc::Status s = Assign(patient, &plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION)
      << s.error_message();
  EXPECT_EQ(ReasonOf(s), "ASSESSMENT_REQUIRED");
  EXPECT_EQ(Preconditions(s),
            std::vector<std::string>{"ASSESSMENT " + patient});
  EXPECT_TRUE(AllPlans(patient).empty());
}

TEST_F(AssignTest, ReferNeedsAnOverrideReasonWhichIsStoredAndAudited) {
  const std::string patient = patients().Create("Flagged");
  const v1::Assessment assessment = patients().Assess(patient, Intake::kRefer);
  ASSERT_EQ(assessment.result().disposition(),
            v1::AssessmentResult::DISPOSITION_REFER);

  v1::Plan plan;
  grpc::Status refused = Assign(patient, &plan);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(refused), "REFERRAL_DISPOSITION");
  EXPECT_EQ(Preconditions(refused),
            std::vector<std::string>{"DISPOSITION " + assessment.name()});
  // Blank is no reason.
  EXPECT_EQ(Assign(patient, &plan, {}, "   ").error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(AllPlans(patient).empty());

  const std::string why = "Imaging ruled out cauda equina; GP agrees";
  grpc::Status s = Assign(patient, &plan, {}, why);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(plan.override_reason(), why);
  EXPECT_EQ(MustGet(plan.name()).override_reason(), why);
  const auto revisions = AllRevisions(plan.name());
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].action(), v1::PlanRevision::ACTION_ASSIGN);
  EXPECT_EQ(revisions[0].reason(), why);
  EXPECT_EQ(revisions[0].actor(), PractitionerName());

  bool assign_event = false, override_event = false;
  for (const auto& e : AuditEventsOf(*server_, patient)) {
    if (e.resource() != plan.name()) continue;
    EXPECT_EQ(e.actor(), PractitionerName());
    if (e.action() == "corebalance.v1.PrescriptionService/AssignPlan") {
      assign_event = e.outcome() == v1::AuditEvent::OUTCOME_SUCCESS;
    }
    if (absl::StrContains(e.action(), "override")) override_event = true;
  }
  EXPECT_TRUE(assign_event);
  EXPECT_TRUE(override_event);
}

TEST_F(AssignTest, UnknownAndOtherClinicsPatientsAreNotFound) {
  v1::Plan plan;
  grpc::Status s = Assign("patients/nosuchpatient0001", &plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << s.error_message();

  const std::string ours = patients().Assessed(Intake::kStandard, "Ours");
  const std::string other_admin =
      server_->OtherClinicAdminToken("Laguna Beach");
  v1::AssignPlanRequest request;
  request.set_parent(ours);
  s = Stub()->AssignPlan(Context(other_admin).get(), request, &plan);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << s.error_message();
  EXPECT_TRUE(AllPlans(ours).empty());
}

TEST_F(AssignTest, BadInputIsInvalidArgumentNamingTheFieldAndWritesNothing) {
  const std::string patient = patients().Assessed(Intake::kStandard, "Bad");
  struct Case {
    std::string what;
    v1::Plan plan;
    std::string field;
  };
  auto with = [](std::vector<v1::PlanExercise> exercises) {
    v1::Plan p;
    for (auto& e : exercises) *p.add_exercises() = e;
    return p;
  };
  const v1::Dose zero = MakeDose(0, 0, 0, 0, 0);
  v1::Dose negative = MakeDose(2, -3, 0, 0, 5);
  const v1::Dose too_often = MakeDose(2, 10, 0, 0, 15);
  const v1::Dose too_long = MakeDose(1, 0, 601, 0, 5);
  v1::Plan unknown_template;
  unknown_template.set_plan_template("planTemplates/no-such-phase");
  const std::vector<Case> cases = {
      {"unknown template", unknown_template, "plan.plan_template"},
      {"unknown exercise", with({PlanExercise("moonwalk")}),
       "plan.exercises[0].exercise"},
      {"zero dose", with({PlanExercise("glute-bridge", &zero)}),
       "plan.exercises[0].dose"},
      {"negative reps", with({PlanExercise("glute-bridge", &negative)}),
       "plan.exercises[0].dose.reps"},
      {"frequency over 14", with({PlanExercise("glute-bridge", &too_often)}),
       "plan.exercises[0].dose.frequency_per_week"},
      {"hold over 600 s", with({PlanExercise("side-plank", &too_long)}),
       "plan.exercises[0].dose.hold_seconds"},
      {"exercise twice",
       with({PlanExercise("glute-bridge"), PlanExercise("glute-bridge")}),
       "plan.exercises[1].exercise"},
  };
  for (const Case& c : cases) {
    v1::Plan out;
    grpc::Status s = Assign(patient, &out, c.plan);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << c.what << ": " << s.error_message();
    EXPECT_TRUE(Violations(s).count(c.field))
        << c.what << ": " << s.error_message();
  }
  v1::Plan out;
  EXPECT_TRUE(Violations(Assign("clinics/1", &out)).count("parent"));
  EXPECT_TRUE(AllPlans(patient).empty());
}

TEST_F(AssignTest, AssigningAgainCompletesTheOpenPlanAsSuperseded) {
  const std::string patient = patients().Assessed(Intake::kStandard, "Twice");
  const v1::Plan first = MustAssign(patient);
  v1::PausePlanRequest pause;
  pause.set_name(first.name());
  pause.set_reason("travelling");
  v1::Plan paused;
  ASSERT_TRUE(
      Stub()->PausePlan(Context(Practitioner()).get(), pause, &paused).ok());

  v1::Plan request;
  request.set_plan_template("planTemplates/stability");
  const v1::Plan second = MustAssign(patient, request);
  const v1::Plan old = MustGet(first.name());
  EXPECT_EQ(old.state(), v1::Plan::STATE_COMPLETED);
  EXPECT_EQ(old.superseded_by(), second.name());
  EXPECT_TRUE(old.has_end_time());
  EXPECT_EQ(second.state(), v1::Plan::STATE_ACTIVE);
  const auto revisions = AllRevisions(first.name());
  ASSERT_EQ(revisions.size(), 3u);
  EXPECT_EQ(revisions[0].action(), v1::PlanRevision::ACTION_COMPLETE);
  EXPECT_TRUE(absl::StrContains(revisions[0].reason(), second.name()))
      << revisions[0].reason();
  EXPECT_EQ(AllPlans(patient, 10, v1::Plan::STATE_ACTIVE).size(), 1u);
}

TEST_F(AssignTest, ConcurrentAssignmentsLeaveExactlyOneOpenPlan) {
  constexpr int kThreads = 4;
  for (int round = 0; round < 3; ++round) {
    const std::string patient = patients().Assessed(Intake::kStandard, "Race");
    absl::Barrier* start = new absl::Barrier(kThreads);
    std::atomic<int> ok{0};
    std::vector<std::string> errors(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        v1::Plan plan;
        if (start->Block()) delete start;
        grpc::Status s = Assign(patient, &plan);
        if (s.ok()) {
          ++ok;
        } else {
          errors[i] = s.error_message();
        }
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(ok, kThreads) << errors[0] << errors[1] << errors[2] << errors[3];
    const std::vector<v1::Plan> plans = AllPlans(patient, 10);
    ASSERT_EQ(plans.size(), static_cast<size_t>(kThreads));
    int active = 0;
    for (const auto& p : plans) {
      if (p.state() == v1::Plan::STATE_ACTIVE) {
        ++active;
      } else {
        EXPECT_EQ(p.state(), v1::Plan::STATE_COMPLETED);
        EXPECT_FALSE(p.superseded_by().empty());
      }
    }
    EXPECT_EQ(active, 1) << "round " << round;
  }
}

TEST_F(AssignTest, ARequestIdMakesAssignIdempotent) {
  const std::string patient = patients().Assessed(Intake::kStandard, "Retry");
  v1::Plan first, second;
  ASSERT_TRUE(Assign(patient, &first, {}, "", "assign-retry-1").ok());
  ASSERT_TRUE(Assign(patient, &second, {}, "", "assign-retry-1").ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_EQ(second.state(), v1::Plan::STATE_ACTIVE);
  EXPECT_EQ(AllPlans(patient).size(), 1u);
  v1::Plan third;
  ASSERT_TRUE(Assign(patient, &third, {}, "", "assign-retry-2").ok());
  EXPECT_NE(third.name(), first.name());
}

TEST_F(AssignTest, FrontDeskMayNotTouchPlansAndIntegrationsOnlyRead) {
  const std::string patient = patients().Assessed(Intake::kStandard, "Roles");
  const v1::Plan plan = MustAssign(patient);
  v1::AssignPlanRequest assign;
  assign.set_parent(patient);
  v1::GetPlanRequest get;
  get.set_name(plan.name());
  v1::Plan out;
  EXPECT_EQ(
      Stub()->AssignPlan(Context(FrontDesk()).get(), assign, &out).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Stub()->GetPlan(Context(FrontDesk()).get(), get, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Stub()
                ->AssignPlan(Context(Integration()).get(), assign, &out)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::PausePlanRequest pause;
  pause.set_name(plan.name());
  pause.set_reason("integration tries");
  EXPECT_EQ(
      Stub()->PausePlan(Context(Integration()).get(), pause, &out).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(Stub()->GetPlan(Context(Integration()).get(), get, &out).ok());
  EXPECT_EQ(out.name(), plan.name());
  v1::ListPlansRequest list;
  list.set_parent("patients/-");
  v1::ListPlansResponse listed;
  EXPECT_TRUE(
      Stub()->ListPlans(Context(Integration()).get(), list, &listed).ok());
  // An admin assigns too.
  v1::Plan by_admin;
  EXPECT_TRUE(
      Stub()->AssignPlan(Context(Admin()).get(), assign, &by_admin).ok());
  // Reads are audited with the patient named.
  bool read = false;
  for (const auto& e : AuditEventsOf(*server_, patient)) {
    if (e.action() == "corebalance.v1.PrescriptionService/GetPlan" &&
        e.actor_role() == v1::ROLE_INTEGRATION && e.resource() == plan.name()) {
      read = true;
    }
  }
  EXPECT_TRUE(read);
}

}  // namespace
}  // namespace corebalance::test
