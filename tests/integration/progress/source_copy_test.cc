// Progress's copy of intake and prescription (README "Progress keeps a copy
// of what it reads"): events applied in any order or twice give the same
// copy, a backfill gives what the owners answer, and a session logged right
// after an adjustment is checked against that revision.

#include <google/protobuf/util/message_differencer.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/progress/repositories/copy_repository.h"
#include "services/store/pool.h"
#include "services/store/run.h"
#include "tests/integration/progress/progress_fixture.h"

namespace corebalance::test {
namespace {

using google::protobuf::util::MessageDifferencer;
using progress::CopyRepository;

class SourceCopyTest : public ProgressTest {
 protected:
  static absl::Time Deadline() { return absl::Now() + absl::Seconds(10); }

  // The suite's clinic, as its tokens name it.
  static int64_t ClinicId() {
    v1::CallerIdentity me;
    grpc::Status s =
        v1::AccessService::NewStub(server().channel())
            ->GetCallerIdentity(Context(Practitioner()).get(), {}, &me);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return ClinicIdFromName(me.clinic());
  }

  static v1::Plan PlanAt(const std::string& patient_id, int revision,
                         v1::Plan::State state, const char* exercise) {
    v1::Plan p;
    p.set_name(
        absl::StrCat("patients/", patient_id, "/plans/plan", patient_id));
    p.set_revision(revision);
    p.set_state(state);
    p.set_plan_template("planTemplates/foundation");
    p.add_exercises()->set_exercise(absl::StrCat("exercises/", exercise));
    *p.mutable_update_time() =
        ToProtoTime(absl::FromUnixSeconds(1700000000 + revision * 86400));
    return p;
  }

  static v1::Assessment AssessmentOf(const std::string& patient_id,
                                     const std::string& id, int day) {
    v1::Assessment a;
    a.set_name(absl::StrCat("patients/", patient_id, "/assessments/", id));
    a.set_kind(day == 1 ? v1::Assessment::KIND_INITIAL
                        : v1::Assessment::KIND_FOLLOW_UP);
    a.mutable_assessment_date()->set_year(2026);
    a.mutable_assessment_date()->set_month(11);
    a.mutable_assessment_date()->set_day(day);
    a.set_nprs_now(8 - day);
    *a.mutable_create_time() = ToProtoTime(absl::FromUnixSeconds(1700000000));
    return a;
  }

  static void ApplyAll(CopyRepository& copy, store::Pool& pool,
                       int64_t clinic_id,
                       const std::vector<google::protobuf::Any>& resources) {
    for (const auto& r : resources) {
      absl::Status s = store::WithTransaction(
          pool, Deadline(), [&](store::Connection& c) -> absl::Status {
            EXPECT_TRUE(copy.Apply(c, clinic_id, r)) << r.type_url();
            return absl::OkStatus();
          });
      ASSERT_TRUE(s.ok()) << s;
    }
  }

  // What the copy answers for the patient, as one comparable text.
  static std::string CopyOf(CopyRepository& copy, int64_t clinic_id,
                            const std::string& patient_id) {
    std::string out;
    auto plan = copy.Plan(clinic_id, patient_id,
                          absl::StrCat("plan", patient_id), Deadline());
    EXPECT_TRUE(plan.ok()) << plan.status();
    if (plan.ok() && *plan) absl::StrAppend(&out, (*plan)->DebugString());
    auto revisions = copy.PlanRevisions(
        clinic_id, patient_id, absl::StrCat("plan", patient_id), Deadline());
    EXPECT_TRUE(revisions.ok()) << revisions.status();
    for (const auto& r : *revisions) absl::StrAppend(&out, r.DebugString());
    auto assessments =
        copy.Assessments(clinic_id, patient_id,
                         v1::Assessment::KIND_UNSPECIFIED, 100, Deadline());
    EXPECT_TRUE(assessments.ok()) << assessments.status();
    for (const auto& a : *assessments) absl::StrAppend(&out, a.DebugString());
    return out;
  }

  static google::protobuf::Any Packed(const google::protobuf::Message& m) {
    google::protobuf::Any any;
    any.PackFrom(m);
    return any;
  }

  static v1::Plan Adjust(const v1::Plan& plan,
                         const std::vector<std::string>& exercises) {
    v1::AdjustPlanRequest request;
    request.mutable_plan()->set_name(plan.name());
    for (const auto& e : exercises) {
      request.mutable_plan()->add_exercises()->set_exercise(e);
    }
    request.mutable_update_mask()->add_paths("exercises");
    request.set_reason("progressing the core work");
    v1::Plan out;
    grpc::Status s =
        v1::PrescriptionService::NewStub(server().channel())
            ->AdjustPlan(Context(Practitioner()).get(), request, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  static v1::Plan GetPlan(const std::string& name) {
    v1::GetPlanRequest request;
    request.set_name(name);
    v1::Plan out;
    grpc::Status s =
        v1::PrescriptionService::NewStub(server().channel())
            ->GetPlan(Context(Practitioner()).get(), request, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  static std::vector<v1::PlanRevision> Revisions(const std::string& plan) {
    v1::ListPlanRevisionsRequest request;
    request.set_parent(plan);
    request.set_page_size(100);
    v1::ListPlanRevisionsResponse out;
    grpc::Status s =
        v1::PrescriptionService::NewStub(server().channel())
            ->ListPlanRevisions(Context(Practitioner()).get(), request, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::vector<v1::PlanRevision> revisions(out.plan_revisions().begin(),
                                            out.plan_revisions().end());
    std::sort(revisions.begin(), revisions.end(),
              [](const auto& a, const auto& b) {
                return a.revision() < b.revision();
              });
    return revisions;
  }

  static std::vector<v1::Assessment> Assessments(const std::string& patient) {
    v1::ListAssessmentsRequest request;
    request.set_parent(patient);
    v1::ListAssessmentsResponse out;
    grpc::Status s =
        v1::IntakeService::NewStub(server().channel())
            ->ListAssessments(Context(Practitioner()).get(), request, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return {out.assessments().begin(), out.assessments().end()};
  }

  // The copy's plan, revisions and assessments of the plan's patient are
  // what prescription and intake answer (whole revisions when `exact`).
  static void ExpectTheOwnersAnswer(const v1::Plan& plan, bool exact) {
    store::Pool pool(server().database().config());
    progress::AdherenceDueRepository due(&pool);
    CopyRepository copy(&pool, &due);
    const int64_t clinic = ClinicId();
    const std::string patient = PatientOf(plan.name());
    const std::string patient_id = patient.substr(9);
    const std::string plan_id = plan.name().substr(plan.name().rfind('/') + 1);
    auto copied = copy.Plan(clinic, patient_id, plan_id, Deadline());
    ASSERT_TRUE(copied.ok() && copied->has_value()) << copied.status();
    EXPECT_TRUE(MessageDifferencer::Equals(**copied, GetPlan(plan.name())));
    auto revisions =
        copy.PlanRevisions(clinic, patient_id, plan_id, Deadline());
    ASSERT_TRUE(revisions.ok());
    const std::vector<v1::PlanRevision> owned = Revisions(plan.name());
    ASSERT_EQ(revisions->size(), owned.size());
    for (size_t i = 0; i < owned.size(); ++i) {
      const v1::PlanRevision& r = (*revisions)[i];
      if (exact) {
        EXPECT_TRUE(MessageDifferencer::Equals(r, owned[i]))
            << r.DebugString() << owned[i].DebugString();
        continue;
      }
      EXPECT_EQ(r.revision(), owned[i].revision());
      EXPECT_EQ(r.state(), owned[i].state());
      EXPECT_TRUE(
          MessageDifferencer::Equals(r.create_time(), owned[i].create_time()));
      EXPECT_EQ(r.exercises_size(), owned[i].exercises_size());
    }
    auto assessments = copy.Assessments(
        clinic, patient_id, v1::Assessment::KIND_UNSPECIFIED, 100, Deadline());
    ASSERT_TRUE(assessments.ok());
    const std::vector<v1::Assessment> intake = Assessments(patient);
    ASSERT_FALSE(intake.empty());
    ASSERT_EQ(assessments->size(), intake.size());
    for (size_t i = 0; i < intake.size(); ++i) {
      EXPECT_TRUE(MessageDifferencer::Equals((*assessments)[i], intake[i]));
    }
  }

  static void Summarize(const std::string& patient) {
    v1::GetProgressSummaryRequest request;
    request.set_patient(patient);
    request.set_window_days(14);
    v1::ProgressSummary out;
    grpc::Status s = Stub()->GetProgressSummary(Context(Practitioner()).get(),
                                                request, &out);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_FALSE(out.has_source_data_lag()) << "the owners answer";
  }
};

TEST_F(SourceCopyTest, EventsAppliedTwiceOrOutOfOrderGiveTheSameCopy) {
  store::Pool pool(server().database().config());
  progress::AdherenceDueRepository due(&pool);
  CopyRepository copy(&pool, &due);
  auto events = [&](const std::string& p) {
    return std::vector<google::protobuf::Any>{
        Packed(PlanAt(p, 1, v1::Plan::STATE_ACTIVE, "dead-bug")),
        Packed(AssessmentOf(p, "a1" + p, 1)),
        Packed(PlanAt(p, 2, v1::Plan::STATE_ACTIVE, "bird-dog")),
        Packed(AssessmentOf(p, "a2" + p, 5)),
        Packed(PlanAt(p, 3, v1::Plan::STATE_PAUSED, "bird-dog")),
    };
  };
  // In order, one patient after the other, in clinic 9001.
  ApplyAll(copy, pool, 9001, events("x"));
  ApplyAll(copy, pool, 9001, events("y"));
  // In clinic 9002: the patients interleaved, reversed, and some twice.
  std::vector<google::protobuf::Any> shuffled;
  const auto x = events("x");
  const auto y = events("y");
  for (int i = 4; i >= 0; --i) {
    shuffled.push_back(x[i]);
    shuffled.push_back(y[(i + 2) % 5]);
  }
  shuffled.push_back(x[1]);
  shuffled.push_back(y[4]);
  shuffled.push_back(x[0]);
  ApplyAll(copy, pool, 9002, shuffled);

  for (const std::string p : {"x", "y"}) {
    const std::string in_order = CopyOf(copy, 9001, p);
    EXPECT_NE(in_order.find("STATE_PAUSED"), std::string::npos) << in_order;
    EXPECT_EQ(CopyOf(copy, 9002, p), in_order) << p;
  }
  auto revisions = copy.PlanRevisions(9002, "x", "planx", Deadline());
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 3u);
  EXPECT_EQ((*revisions)[0].exercises(0).exercise(), "exercises/dead-bug");
  auto latest = copy.Assessments(9002, "x", v1::Assessment::KIND_UNSPECIFIED, 1,
                                 Deadline());
  ASSERT_TRUE(latest.ok());
  ASSERT_EQ(latest->size(), 1u);
  EXPECT_EQ(latest->front().name(), "patients/x/assessments/a2x");
  // Another clinic's rows are not this clinic's.
  auto other = copy.Plan(9003, "x", "planx", Deadline());
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->has_value());
}

TEST_F(SourceCopyTest, EventsGiveWhatTheOwnersAnswer) {
  v1::Plan plan = PatientWithPlan();
  plan = Adjust(plan, {"exercises/dead-bug", "exercises/clamshell"});
  Summarize(PatientOf(plan.name()));  // waits for the copy to catch up
  // Revisions made from plan events keep when, in what state and what.
  ExpectTheOwnersAnswer(plan, /*exact_revisions=*/false);
}

TEST_F(SourceCopyTest, ABackfillGivesExactlyWhatTheOwnersAnswer) {
  v1::Plan plan = PatientWithPlan();
  plan = Adjust(plan, {"exercises/pelvic-tilt", "exercises/sphinx"});
  // As after an upgrade from before the copy: nothing copied, no cursor
  // (at once, when no event is left to apply that could put rows back).
  WaitUntilCopied(plan);
  store::Pool pool(server().database().config());
  ASSERT_TRUE(
      store::WithTransaction(pool, Deadline(), [](store::Connection& c) {
        for (const char* table :
             {"progress_copy_cursors", "progress_copy_patients",
              "progress_copy_assessments", "progress_copy_plans",
              "progress_copy_plan_revisions", "progress_copy_catalogue"}) {
          c.Execute(absl::StrCat("DELETE FROM ", table));
        }
        return absl::OkStatus();
      }).ok());
  Summarize(PatientOf(plan.name()));  // its round takes the snapshots
  ExpectTheOwnersAnswer(plan, /*exact_revisions=*/true);
}

TEST_F(SourceCopyTest, ALogRightAfterAnAdjustIsCheckedAgainstThatRevision) {
  v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  // Each adjustment brings an exercise the revision before did not have;
  // the session logged at once does that exercise.
  const char* added[] = {"exercises/clamshell", "exercises/sphinx"};
  for (int i = 0; i < 6; ++i) {
    plan = Adjust(plan, {"exercises/dead-bug", added[i % 2]});
    ASSERT_EQ(plan.exercises(1).exercise(), added[i % 2]);
    v1::Session out;
    grpc::Status s = Log(patient, GoodSession(plan), &out);
    ASSERT_TRUE(s.ok()) << "after revision " << plan.revision() << ": "
                        << s.error_message();
    EXPECT_EQ(out.plan_revision(), plan.revision());
  }
}

}  // namespace
}  // namespace corebalance::test
