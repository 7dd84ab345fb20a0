// The exercise catalogue and plan templates: the seed as every clinic sees
// it, filters and paging, clinic-specific entries (ADMIN only, visible only
// to their clinic, updated with update_mask and etag), the read-only seed.

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "services/prescription/rules/catalogue_seed.h"
#include "tests/integration/prescription/prescription_fixture.h"

namespace corebalance::test {
namespace {

using CatalogueTest = PrescriptionTest;

std::vector<v1::Exercise> AllExercises(const std::string& token,
                                       v1::ListExercisesRequest request = {}) {
  std::vector<v1::Exercise> out;
  request.set_page_size(7);
  for (int pages = 0; pages < 100; ++pages) {
    v1::ListExercisesResponse page;
    grpc::Status s = PrescriptionTest::Stub()->ListExercises(
        Context(token).get(), request, &page);
    EXPECT_TRUE(s.ok()) << s.error_message();
    if (!s.ok()) break;
    out.insert(out.end(), page.exercises().begin(), page.exercises().end());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  return out;
}

std::vector<std::string> Names(const std::vector<v1::Exercise>& exercises) {
  std::vector<std::string> out;
  for (const auto& e : exercises) out.push_back(e.name());
  return out;
}

// The seed's exercises that `keep` selects, as sorted resource names.
template <typename Keep>
std::vector<std::string> SeedNames(Keep keep) {
  std::vector<std::string> out;
  for (const auto& e : prescription::CatalogueSeed()) {
    if (keep(e)) out.push_back("exercises/" + e.slug);
  }
  std::sort(out.begin(), out.end());
  return out;
}

v1::Exercise WallSquat() {
  v1::Exercise e;
  e.set_display_name("Wall squat");
  e.set_level(v1::Exercise::LEVEL_INTERMEDIATE);
  e.set_body_region("quadriceps, glutes");
  e.add_equipment("wall");
  e.set_instructions("Lean on a wall and slide down a little. Hold, breathe.");
  *e.mutable_default_dose() = MakeDose(2, 0, 20, 0, 3);
  e.set_regression("exercises/sit-to-stand");
  return e;
}

grpc::Status CreateExercise(const std::string& token, const std::string& id,
                            const v1::Exercise& e, v1::Exercise* out) {
  v1::CreateExerciseRequest r;
  r.set_exercise_id(id);
  *r.mutable_exercise() = e;
  return PrescriptionTest::Stub()->CreateExercise(Context(token).get(), r, out);
}

grpc::Status UpdateExercise(const std::string& token, const v1::Exercise& e,
                            const std::vector<std::string>& paths,
                            v1::Exercise* out) {
  v1::UpdateExerciseRequest r;
  *r.mutable_exercise() = e;
  for (const auto& p : paths) r.mutable_update_mask()->add_paths(p);
  return PrescriptionTest::Stub()->UpdateExercise(Context(token).get(), r, out);
}

TEST_F(CatalogueTest, EveryRoleSeesTheTwentySeededExercisesPaged) {
  const std::vector<std::string> seeded = SeedNames([](auto&) { return true; });
  ASSERT_EQ(seeded.size(), 20u);
  for (const std::string* token :
       {&Practitioner(), &FrontDesk(), &Integration(), &Admin()}) {
    const std::vector<v1::Exercise> listed = AllExercises(*token);
    std::vector<std::string> global;
    for (const auto& e : listed) {
      if (!e.clinic_specific()) global.push_back(e.name());
    }
    EXPECT_EQ(global, seeded);
  }
}

TEST_F(CatalogueTest, FiltersByLevelRegionAndEquipment) {
  v1::ListExercisesRequest by_level;
  by_level.set_level(v1::Exercise::LEVEL_ADVANCED);
  EXPECT_EQ(Names(AllExercises(Practitioner(), by_level)),
            SeedNames([](const prescription::CatalogueExercise& e) {
              return e.level == prescription::Level::kAdvanced ||
                     e.level == prescription::Level::kAll;
            }));
  v1::ListExercisesRequest by_region;
  by_region.set_body_region("GLUTE");
  const auto glute = Names(AllExercises(Practitioner(), by_region));
  EXPECT_EQ(glute, SeedNames([](const prescription::CatalogueExercise& e) {
              return absl::StrContains(e.region_aim, "glute");
            }));
  EXPECT_FALSE(glute.empty());
  v1::ListExercisesRequest by_equipment;
  by_equipment.set_equipment("strap");
  EXPECT_EQ(Names(AllExercises(Practitioner(), by_equipment)),
            std::vector<std::string>{"exercises/hamstring-stretch"});
}

TEST_F(CatalogueTest, GetExerciseShowsDoseAndLinks) {
  v1::GetExerciseRequest get;
  get.set_name("exercises/glute-bridge");
  v1::Exercise e;
  ASSERT_TRUE(Stub()->GetExercise(Context(Integration()).get(), get, &e).ok());
  const auto* seed = prescription::FindCatalogueExercise("glute-bridge");
  ASSERT_NE(seed, nullptr);
  EXPECT_EQ(e.display_name(), seed->name);
  EXPECT_EQ(e.regression(), "exercises/" + seed->regression_slug);
  EXPECT_EQ(e.progression(), "exercises/" + seed->progression_slug);
  EXPECT_EQ(e.default_dose().reps(), seed->default_dose.reps);
  EXPECT_EQ(e.default_dose().hold_seconds(), seed->default_dose.hold_seconds);
  EXPECT_FALSE(e.instructions().empty());
  get.set_name("exercises/moonwalk");
  EXPECT_EQ(
      Stub()->GetExercise(Context(Integration()).get(), get, &e).error_code(),
      grpc::StatusCode::NOT_FOUND);
  get.set_name("moonwalk");
  EXPECT_EQ(
      Stub()->GetExercise(Context(Integration()).get(), get, &e).error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(CatalogueTest, ClinicExercisesBelongToTheClinicAndUpdateWithEtags) {
  v1::Exercise created;
  grpc::Status s = CreateExercise(Admin(), "wall-squat", WallSquat(), &created);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(created.name(), "exercises/wall-squat");
  EXPECT_TRUE(created.clinic_specific());
  EXPECT_EQ(created.regression(), "exercises/sit-to-stand");

  // Only ADMIN writes; the clinic's staff read it; other clinics do not.
  v1::Exercise out;
  EXPECT_EQ(CreateExercise(Practitioner(), "wall-squat-2", WallSquat(), &out)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  const auto names = Names(AllExercises(Practitioner()));
  EXPECT_NE(std::find(names.begin(), names.end(), "exercises/wall-squat"),
            names.end());
  const std::string other = server_->OtherClinicAdminToken("San Juan");
  const auto other_names = Names(AllExercises(other));
  EXPECT_EQ(
      std::find(other_names.begin(), other_names.end(), "exercises/wall-squat"),
      other_names.end());
  EXPECT_EQ(other_names.size(), 20u);
  v1::GetExerciseRequest get;
  get.set_name("exercises/wall-squat");
  EXPECT_EQ(Stub()->GetExercise(Context(other).get(), get, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);

  // The same id again, or a seeded one, already exists.
  EXPECT_EQ(
      CreateExercise(Admin(), "wall-squat", WallSquat(), &out).error_code(),
      grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(
      CreateExercise(Admin(), "glute-bridge", WallSquat(), &out).error_code(),
      grpc::StatusCode::ALREADY_EXISTS);

  v1::Exercise change;
  change.set_name(created.name());
  change.set_etag(created.etag());
  change.set_display_name("Wall sit");
  change.set_body_region("ignored: not in the mask");
  v1::Exercise updated;
  s = UpdateExercise(Admin(), change, {"display_name"}, &updated);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(updated.display_name(), "Wall sit");
  EXPECT_EQ(updated.body_region(), created.body_region());
  EXPECT_EQ(updated.regression(), created.regression());
  EXPECT_NE(updated.etag(), created.etag());
  // The old etag is stale now.
  s = UpdateExercise(Admin(), change, {"display_name"}, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << s.error_message();

  // A plan may use it.
  const std::string patient =
      patients().Assessed(Intake::kStandard, "Squatter");
  v1::Plan request;
  *request.add_exercises() = PlanExercise("wall-squat");
  const v1::Plan plan = MustAssign(patient, request);
  ASSERT_EQ(plan.exercises_size(), 1);
  EXPECT_EQ(plan.exercises(0).dose().hold_seconds(), 20);
}

TEST_F(CatalogueTest, SeededEntriesAreReadOnlyAndBadInputIsNamed) {
  v1::Exercise change;
  change.set_name("exercises/glute-bridge");
  change.set_display_name("Bridge");
  v1::Exercise out;
  grpc::Status s = UpdateExercise(Admin(), change, {"display_name"}, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Preconditions(s),
            std::vector<std::string>{"CATALOGUE exercises/glute-bridge"});
  v1::UpdatePlanTemplateRequest update_template;
  update_template.mutable_plan_template()->set_name("planTemplates/foundation");
  update_template.mutable_update_mask()->add_paths("display_name");
  v1::PlanTemplate template_out;
  EXPECT_EQ(Stub()
                ->UpdatePlanTemplate(Context(Admin()).get(), update_template,
                                     &template_out)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  v1::Exercise bad = WallSquat();
  bad.set_display_name("");
  bad.set_level(v1::Exercise::LEVEL_UNSPECIFIED);
  bad.add_equipment("Chair, big");
  *bad.mutable_default_dose() = MakeDose(1, 10, 900, 0, 20);
  bad.set_regression("exercises/moonwalk");
  bad.set_progression("exercises/Bad Name");
  s = CreateExercise(Admin(), "Bad Id", bad, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const auto v = Violations(s);
  for (const char* field :
       {"exercise_id", "exercise.display_name", "exercise.level",
        "exercise.equipment[1]", "exercise.default_dose.hold_seconds",
        "exercise.default_dose.frequency_per_week", "exercise.regression",
        "exercise.progression"}) {
    EXPECT_TRUE(v.count(field)) << field << ": " << s.error_message();
  }
  EXPECT_EQ(UpdateExercise(Admin(), change, {"revision"}, &out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(CatalogueTest, TemplatesListInPhaseOrderAndClinicsAddTheirOwn) {
  v1::ListPlanTemplatesRequest list;
  v1::ListPlanTemplatesResponse listed;
  ASSERT_TRUE(Stub()
                  ->ListPlanTemplates(Context(FrontDesk()).get(), list, &listed)
                  .ok());
  std::vector<std::string> names;
  for (const auto& t : listed.plan_templates()) {
    if (!t.clinic_specific()) names.push_back(t.name());
  }
  std::vector<std::string> seeded;
  for (const auto& t : prescription::PlanTemplateSeed()) {
    seeded.push_back("planTemplates/" + t.slug);
  }
  EXPECT_EQ(names, seeded);

  v1::CreatePlanTemplateRequest create;
  create.set_plan_template_id("desk-worker");
  v1::PlanTemplate& t = *create.mutable_plan_template();
  t.set_display_name("Desk worker");
  t.set_phase(2);
  const v1::Dose stretch = MakeDose(2, 0, 30, 0, 7);
  const v1::Dose walk = MakeDose(0, 0, 0, 15, 5);
  *t.add_exercises() = PlanExercise("hip-flexor-stretch", &stretch);
  *t.add_exercises() = PlanExercise("walking", &walk);
  v1::PlanTemplate created;
  grpc::Status s =
      Stub()->CreatePlanTemplate(Context(Admin()).get(), create, &created);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(created.clinic_specific());
  EXPECT_EQ(created.exercises_size(), 2);

  // Every exercise needs a dose; an unknown one is named.
  v1::CreatePlanTemplateRequest bad = create;
  bad.set_plan_template_id("bad-template");
  bad.mutable_plan_template()->mutable_exercises(0)->clear_dose();
  *bad.mutable_plan_template()->add_exercises() =
      PlanExercise("moonwalk", &walk);
  v1::PlanTemplate out;
  s = Stub()->CreatePlanTemplate(Context(Admin()).get(), bad, &out);
  EXPECT_TRUE(Violations(s).count("plan_template.exercises[0].dose"))
      << s.error_message();
  EXPECT_TRUE(Violations(s).count("plan_template.exercises[2].exercise"))
      << s.error_message();

  v1::UpdatePlanTemplateRequest update;
  *update.mutable_plan_template() = created;
  update.mutable_plan_template()->mutable_exercises()->RemoveLast();
  update.mutable_update_mask()->add_paths("exercises");
  v1::PlanTemplate updated;
  s = Stub()->UpdatePlanTemplate(Context(Admin()).get(), update, &updated);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(updated.exercises_size(), 1);
  EXPECT_NE(updated.etag(), created.etag());

  // A plan from the clinic's template takes its doses.
  const std::string patient = patients().Assessed(Intake::kStandard, "Desk");
  v1::Plan request;
  request.set_plan_template("planTemplates/desk-worker");
  const v1::Plan plan = MustAssign(patient, request);
  ASSERT_EQ(plan.exercises_size(), 1);
  EXPECT_EQ(plan.exercises(0).dose().SerializeAsString(),
            stretch.SerializeAsString());
}

}  // namespace
}  // namespace corebalance::test
