// Logging, reading, listing and updating sessions, and their traffic light.

#include <set>
#include <thread>

#include "absl/time/clock.h"
#include "services/common/sql_time.h"
#include "tests/integration/progress/progress_fixture.h"
#include "tests/support/error_details.h"

namespace corebalance::test {
namespace {

using SessionTest = ProgressTest;

TEST_F(SessionTest, LogStoresWhatWasDoneAndClassifiesGreen) {
  const v1::Plan plan = PatientWithPlan();
  v1::Session in = GoodSession(plan);
  in.mutable_exercises(1)->set_completed(false);
  in.mutable_exercises(1)->set_skip_reason("no time");
  in.set_notes("felt fine");
  const v1::Session out = MustLog(in);

  EXPECT_TRUE(out.name().rfind(PatientOf(plan.name()) + "/sessions/", 0) == 0)
      << out.name();
  EXPECT_EQ(out.plan(), plan.name());
  EXPECT_EQ(out.plan_revision(), plan.revision());
  EXPECT_EQ(out.traffic_light(), v1::Session::TRAFFIC_LIGHT_GREEN);
  EXPECT_EQ(out.baseline_source(), v1::Session::BASELINE_SOURCE_PAIN_BEFORE);
  EXPECT_EQ(out.baseline_pain(), 3);
  EXPECT_FALSE(out.logged_by().empty());
  EXPECT_FALSE(out.etag().empty());

  v1::GetSessionRequest get;
  get.set_name(out.name());
  v1::Session got;
  grpc::Status s = Stub()->GetSession(Context(Practitioner()).get(), get, &got);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(got.exercises_size(), in.exercises_size());
  EXPECT_EQ(got.exercises(0).exercise(), in.exercises(0).exercise());
  EXPECT_EQ(got.exercises(0).sets(), in.exercises(0).sets());
  EXPECT_FALSE(got.exercises(1).completed());
  EXPECT_EQ(got.exercises(1).skip_reason(), "no time");
  EXPECT_EQ(got.perform_time().seconds(), in.perform_time().seconds());
  EXPECT_EQ(got.pain_before(), 3);
  EXPECT_EQ(got.worst_pain_during(), 4);
  EXPECT_EQ(got.rpe(), 5);
  EXPECT_FALSE(got.has_pain_after_24h());
  EXPECT_EQ(got.notes(), "felt fine");
  EXPECT_EQ(got.walking_minutes(), 10);
}

TEST_F(SessionTest, WithoutPlanNamedTheActivePlanIsUsed) {
  const v1::Plan plan = PatientWithPlan();
  v1::Session in = GoodSession(plan);
  in.clear_plan();
  v1::Session out;
  grpc::Status s = Log(PatientOf(plan.name()), in, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.plan(), plan.name());
}

TEST_F(SessionTest, SevereSessionIsRed) {
  const v1::Plan plan = PatientWithPlan();
  v1::Session in = GoodSession(plan);
  in.set_worst_pain_during(8);
  const v1::Session out = MustLog(in);
  EXPECT_EQ(out.traffic_light(), v1::Session::TRAFFIC_LIGHT_RED);
  ASSERT_GT(out.traffic_light_reasons_size(), 0);

  v1::Session leg = GoodSession(plan);
  leg.set_leg_pain_or_new_neuro_symptoms(true);
  EXPECT_EQ(MustLog(leg).traffic_light(), v1::Session::TRAFFIC_LIGHT_RED);
}

TEST_F(SessionTest, BaselineComesFromTheAssessmentWithoutPainBefore) {
  const v1::Plan plan = PatientWithPlan(/*nprs_now=*/2);
  v1::Session in = GoodSession(plan);
  in.clear_pain_before();
  in.set_worst_pain_during(5);  // more than 2 + 2: AMBER
  const v1::Session out = MustLog(in);
  EXPECT_EQ(out.baseline_source(), v1::Session::BASELINE_SOURCE_ASSESSMENT);
  EXPECT_EQ(out.baseline_pain(), 2);
  EXPECT_EQ(out.traffic_light(), v1::Session::TRAFFIC_LIGHT_AMBER);
}

TEST_F(SessionTest, RetriedLogCreatesOneSession) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  const v1::Session in = GoodSession(plan);
  v1::Session first;
  ASSERT_TRUE(Log(patient, in, &first, "retry-1").ok());
  v1::Session again;
  ASSERT_TRUE(Log(patient, in, &again, "retry-1").ok());
  EXPECT_EQ(again.name(), first.name());

  // Concurrent retries too.
  std::vector<std::thread> threads;
  std::vector<v1::Session> outs(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back(
        [&, i] { EXPECT_TRUE(Log(patient, in, &outs[i], "retry-2").ok()); });
  }
  for (auto& t : threads) t.join();
  for (const auto& o : outs) EXPECT_EQ(o.name(), outs[0].name());
  EXPECT_EQ(AllSessions(patient).size(), 2u);
}

// The same request id for another patient used to answer with the first
// patient's session (and audit it under the second); now it is refused.
TEST_F(SessionTest, ARequestIdReusedForAnotherPatientOrBodyIsRefused) {
  const v1::Plan a = PatientWithPlan();
  const v1::Plan b = PatientWithPlan();
  v1::Session first;
  ASSERT_TRUE(
      Log(PatientOf(a.name()), GoodSession(a), &first, "shared-1").ok());

  v1::Session other;
  grpc::Status s = Log(PatientOf(b.name()), GoodSession(b), &other, "shared-1");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(s).count("request_id")) << s.error_message();
  EXPECT_EQ(other.name(), "");
  EXPECT_TRUE(AllSessions(PatientOf(b.name())).empty());

  v1::Session changed = GoodSession(a);
  changed.set_notes("a different session");
  s = Log(PatientOf(a.name()), changed, &other, "shared-1");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(s).count("request_id"));
  EXPECT_EQ(AllSessions(PatientOf(a.name())).size(), 1u);
}

TEST_F(SessionTest, PainAfter24hReclassifiesTheSession) {
  const v1::Plan plan = PatientWithPlan();
  const v1::Session logged = MustLog(GoodSession(plan));
  ASSERT_EQ(logged.traffic_light(), v1::Session::TRAFFIC_LIGHT_GREEN);

  v1::UpdateSessionRequest update;
  update.mutable_session()->set_name(logged.name());
  update.mutable_session()->set_etag(logged.etag());
  update.mutable_session()->set_pain_after_24h(6);  // > 3 + 2
  update.mutable_update_mask()->add_paths("pain_after_24h");
  v1::Session updated;
  grpc::Status s =
      Stub()->UpdateSession(Context(Practitioner()).get(), update, &updated);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(updated.traffic_light(), v1::Session::TRAFFIC_LIGHT_AMBER);
  EXPECT_EQ(updated.pain_after_24h(), 6);
  EXPECT_NE(updated.etag(), logged.etag());

  // Stored, not just answered.
  v1::GetSessionRequest get;
  get.set_name(logged.name());
  v1::Session got;
  ASSERT_TRUE(
      Stub()->GetSession(Context(Practitioner()).get(), get, &got).ok());
  EXPECT_EQ(got.traffic_light(), v1::Session::TRAFFIC_LIGHT_AMBER);
  EXPECT_EQ(got.notes(), logged.notes());

  // The old etag is stale now.
  v1::Session stale;
  s = Stub()->UpdateSession(Context(Practitioner()).get(), update, &stale);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);

  // Settled pain makes it GREEN again; notes untouched by that mask.
  update.mutable_session()->set_etag(updated.etag());
  update.mutable_session()->set_pain_after_24h(3);
  update.mutable_session()->set_notes("ignored");
  s = Stub()->UpdateSession(Context(Practitioner()).get(), update, &updated);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(updated.traffic_light(), v1::Session::TRAFFIC_LIGHT_GREEN);
  EXPECT_EQ(updated.notes(), "");
}

TEST_F(SessionTest, UpdateRefusesOtherFields) {
  const v1::Plan plan = PatientWithPlan();
  const v1::Session logged = MustLog(GoodSession(plan));
  v1::UpdateSessionRequest update;
  update.mutable_session()->set_name(logged.name());
  update.mutable_session()->set_worst_pain_during(9);
  update.mutable_update_mask()->add_paths("worst_pain_during");
  v1::Session out;
  grpc::Status s =
      Stub()->UpdateSession(Context(Practitioner()).get(), update, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(Violations(s).count("update_mask"));
}

TEST_F(SessionTest, ListIsNewestFirstPagedAndFiltered) {
  const v1::Plan plan = PatientWithPlan();
  const std::string patient = PatientOf(plan.name());
  std::vector<std::string> names;
  for (int seconds : {10, 50, 30, 40, 20}) {
    names.push_back(MustLog(GoodSession(plan, absl::Seconds(seconds))).name());
  }
  const std::vector<v1::Session> all = AllSessions(patient, 2);
  ASSERT_EQ(all.size(), 5u);
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_GT(FromProtoTime(all[i - 1].perform_time()),
              FromProtoTime(all[i].perform_time()));
  }
  EXPECT_EQ(all.front().name(), names[1]);  // 50 s after the plan
  EXPECT_EQ(all.back().name(), names[0]);   // 10 s after the plan

  v1::ListSessionsRequest request;
  request.set_parent(patient);
  const absl::Time start = FromProtoTime(plan.create_time());
  *request.mutable_start_time() = ToProtoTime(start + absl::Seconds(15));
  *request.mutable_end_time() = ToProtoTime(start + absl::Seconds(35));
  v1::ListSessionsResponse page;
  grpc::Status s =
      Stub()->ListSessions(Context(Practitioner()).get(), request, &page);
  ASSERT_TRUE(s.ok()) << s.error_message();
  std::set<std::string> got;
  for (const auto& x : page.sessions()) got.insert(x.name());
  EXPECT_EQ(got, (std::set<std::string>{names[2], names[4]}));

  request.set_plan(plan.name() + "x");
  s = Stub()->ListSessions(Context(Practitioner()).get(), request, &page);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(page.sessions_size(), 0);
}

TEST_F(SessionTest, MissingSessionIsNotFound) {
  const v1::Plan plan = PatientWithPlan();
  v1::GetSessionRequest get;
  get.set_name(PatientOf(plan.name()) + "/sessions/nosuchsession");
  v1::Session out;
  EXPECT_EQ(
      Stub()->GetSession(Context(Practitioner()).get(), get, &out).error_code(),
      grpc::StatusCode::NOT_FOUND);
}

}  // namespace
}  // namespace corebalance::test
