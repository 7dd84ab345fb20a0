// The write scenarios. Every request is one the server accepts: the
// patient's active plan at its revision, pain values 0..10, a perform time
// after the plan started and not in the future, a fresh request id.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/common/session_maker.h"
#include "bench/load/scenarios.h"

namespace corebalance::bench {
namespace {

std::string PatientName(const SeedPatient& p) {
  return absl::StrCat("patients/", p.patient_id);
}

class SubmitAssessmentScenario final : public Scenario {
 public:
  explicit SubmitAssessmentScenario(Patients patients)
      : patients_(std::move(patients)) {}
  std::vector<std::string> OpNames() const override {
    return {"submit-assessment"};
  }
  std::unique_ptr<Call> NextCall(Stubs& stubs, Rng& rng, int op) override {
    const SeedPatient& patient = PickPatient(patients_, rng);
    v1::SubmitAssessmentRequest request;
    request.set_parent(PatientName(patient));
    request.set_request_id(FreshRequestId());
    v1::Assessment& a = *request.mutable_assessment();
    a.set_kind(v1::Assessment::KIND_FOLLOW_UP);
    a.set_nprs_now(std::max(0, patient.initial_nprs - UniformInt(rng, 0, 3)));
    a.set_nprs_best(std::max(0, a.nprs_now() - 1));
    a.set_nprs_worst(std::min(10, a.nprs_now() + 2));
    for (int i = 0; i < 10; ++i) {
      a.add_odi_sections()->set_score(UniformInt(rng, 0, 2));
    }
    for (int i = 0; i < 8; ++i) a.add_start_back_answers(Chance(rng, 0.2));
    a.add_start_back_answers(UniformInt(rng, 0, 2));
    a.set_walking_minutes_per_day(UniformInt(rng, 10, 40));
    auto* stub = stubs.intake.get();
    return MakeUnary<v1::Assessment>(
        op, std::move(request), [stub](auto* context, const auto& r, auto* cq) {
          return stub->PrepareAsyncSubmitAssessment(context, r, cq);
        });
  }
  std::vector<std::string> Notes() const override {
    return {"IntakeService/SubmitAssessment: a FOLLOW_UP, scored, stored"};
  }

 private:
  const Patients patients_;
};

class AssignPlanScenario final : public Scenario {
 public:
  explicit AssignPlanScenario(Patients patients)
      : patients_(std::move(patients)) {}
  std::vector<std::string> OpNames() const override { return {"assign-plan"}; }
  std::unique_ptr<Call> NextCall(Stubs& stubs, Rng& rng, int op) override {
    v1::AssignPlanRequest request;
    request.set_parent(PatientName(PickPatient(patients_, rng)));
    request.set_request_id(FreshRequestId());
    auto* stub = stubs.prescription.get();
    return MakeUnary<v1::Plan>(
        op, std::move(request), [stub](auto* context, const auto& r, auto* cq) {
          return stub->PrepareAsyncAssignPlan(context, r, cq);
        });
  }
  std::vector<std::string> Notes() const override {
    return {absl::StrCat(
        "PrescriptionService/AssignPlan (derived from the latest assessment,"
        " superseding the open plan) on ",
        patients_->size(), " assessed patients; reads IntakeService")};
  }

 private:
  const Patients patients_;
};

class LogSessionScenario final : public Scenario {
 public:
  explicit LogSessionScenario(Patients patients)
      : patients_(std::move(patients)) {}
  std::vector<std::string> OpNames() const override { return {"log-session"}; }
  std::unique_ptr<Call> NextCall(Stubs& stubs, Rng& rng, int op) override {
    const SeedPatient& patient = PickPatient(patients_, rng);
    // Logged the same day, after the plan started.
    const absl::Time performed =
        std::max(patient.plan_start + absl::Minutes(1),
                 absl::Now() - absl::Seconds(UniformInt(rng, 60, 3 * 3600)));
    v1::LogSessionRequest request;
    request.set_parent(PatientName(patient));
    request.set_request_id(FreshRequestId());
    *request.mutable_session() = MakeSession(patient, performed, 1.0, rng);
    auto* stub = stubs.progress.get();
    return MakeUnary<v1::Session>(
        op, std::move(request), [stub](auto* context, const auto& r, auto* cq) {
          return stub->PrepareAsyncLogSession(context, r, cq);
        });
  }
  std::vector<std::string> Notes() const override {
    return {absl::StrCat(
        "ProgressService/LogSession naming the plan; 90 % give the pain "
        "before (the others make the server read the latest assessment); "
        "on ",
        patients_->size(), " patients")};
  }

 private:
  const Patients patients_;
};

}  // namespace

std::unique_ptr<Scenario> NewSubmitAssessmentScenario(Patients patients) {
  return std::make_unique<SubmitAssessmentScenario>(std::move(patients));
}
std::unique_ptr<Scenario> NewAssignPlanScenario(Patients patients) {
  return std::make_unique<AssignPlanScenario>(std::move(patients));
}
std::unique_ptr<Scenario> NewLogSessionScenario(Patients patients) {
  return std::make_unique<LogSessionScenario>(std::move(patients));
}

}  // namespace corebalance::bench
