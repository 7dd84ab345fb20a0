// The read scenarios: the gRPC floor and the practitioner's reads.

#include "absl/strings/str_cat.h"
#include "bench/load/scenarios.h"

namespace corebalance::bench {
namespace {

std::string PatientName(const SeedPatient& p) {
  return absl::StrCat("patients/", p.patient_id);
}

class HealthScenario final : public Scenario {
 public:
  std::vector<std::string> OpNames() const override { return {"health"}; }
  std::unique_ptr<Call> NextCall(Stubs& stubs, Rng&, int op) override {
    grpc::health::v1::HealthCheckRequest request;  // "": the whole server
    auto* stub = stubs.health.get();
    return MakeUnary<grpc::health::v1::HealthCheckResponse>(
        op, std::move(request), [stub](auto* context, const auto& r, auto* cq) {
          return stub->PrepareAsyncCheck(context, r, cq);
        });
  }
  std::vector<std::string> Notes() const override {
    return {"grpc.health.v1.Health/Check: no auth, no database: the floor"};
  }
};

class GetPatientScenario final : public Scenario {
 public:
  explicit GetPatientScenario(Patients patients)
      : patients_(std::move(patients)) {}
  std::vector<std::string> OpNames() const override { return {"get-patient"}; }
  std::unique_ptr<Call> NextCall(Stubs& stubs, Rng& rng, int op) override {
    v1::GetPatientRequest request;
    request.set_name(PatientName(PickPatient(patients_, rng)));
    auto* stub = stubs.intake.get();
    return MakeUnary<v1::Patient>(
        op, std::move(request), [stub](auto* context, const auto& r, auto* cq) {
          return stub->PrepareAsyncGetPatient(context, r, cq);
        });
  }
  std::vector<std::string> Notes() const override {
    return {absl::StrCat("IntakeService/GetPatient of one of ",
                         patients_->size(), " patients")};
  }

 private:
  const Patients patients_;
};

class ListPatientsScenario final : public Scenario {
 public:
  std::vector<std::string> OpNames() const override {
    return {"list-patients"};
  }
  std::unique_ptr<Call> NextCall(Stubs& stubs, Rng&, int op) override {
    v1::ListPatientsRequest request;
    request.set_page_size(50);
    auto* stub = stubs.intake.get();
    return MakeUnary<v1::ListPatientsResponse>(
        op, std::move(request), [stub](auto* context, const auto& r, auto* cq) {
          return stub->PrepareAsyncListPatients(context, r, cq);
        });
  }
  std::vector<std::string> Notes() const override {
    return {"IntakeService/ListPatients: the first page of 50 (by name)"};
  }
};

class ListSessionsScenario final : public Scenario {
 public:
  explicit ListSessionsScenario(Patients patients)
      : patients_(std::move(patients)) {}
  std::vector<std::string> OpNames() const override {
    return {"list-sessions"};
  }
  std::unique_ptr<Call> NextCall(Stubs& stubs, Rng& rng, int op) override {
    v1::ListSessionsRequest request;
    request.set_parent(PatientName(PickPatient(patients_, rng)));
    request.set_page_size(20);
    auto* stub = stubs.progress.get();
    return MakeUnary<v1::ListSessionsResponse>(
        op, std::move(request), [stub](auto* context, const auto& r, auto* cq) {
          return stub->PrepareAsyncListSessions(context, r, cq);
        });
  }

 private:
  const Patients patients_;
};

class ProgressSummaryScenario final : public Scenario {
 public:
  ProgressSummaryScenario(Patients patients, int window_days)
      : patients_(std::move(patients)), window_days_(window_days) {}
  std::vector<std::string> OpNames() const override {
    return {"progress-summary"};
  }
  std::unique_ptr<Call> NextCall(Stubs& stubs, Rng& rng, int op) override {
    v1::GetProgressSummaryRequest request;
    request.set_patient(PatientName(PickPatient(patients_, rng)));
    request.set_window_days(window_days_);
    auto* stub = stubs.progress.get();
    return MakeUnary<v1::ProgressSummary>(
        op, std::move(request), [stub](auto* context, const auto& r, auto* cq) {
          return stub->PrepareAsyncGetProgressSummary(context, r, cq);
        });
  }
  std::vector<std::string> Notes() const override {
    const SeedPatient& first = patients_->front();
    return {absl::StrCat(
        "ProgressService/GetProgressSummary, window ",
        window_days_ == 0 ? std::string("14 (default)")
                          : absl::StrCat(window_days_),
        " days, on ", patients_->size(), " patient(s) of group ", first.group,
        " (", first.sessions, " sessions over ", first.days, " days)")};
  }

 private:
  const Patients patients_;
  const int window_days_;
};

}  // namespace

std::unique_ptr<Scenario> NewHealthScenario() {
  return std::make_unique<HealthScenario>();
}
std::unique_ptr<Scenario> NewGetPatientScenario(Patients patients) {
  return std::make_unique<GetPatientScenario>(std::move(patients));
}
std::unique_ptr<Scenario> NewListPatientsScenario() {
  return std::make_unique<ListPatientsScenario>();
}
std::unique_ptr<Scenario> NewListSessionsScenario(Patients patients) {
  return std::make_unique<ListSessionsScenario>(std::move(patients));
}
std::unique_ptr<Scenario> NewProgressSummaryScenario(Patients patients,
                                                     int window_days) {
  return std::make_unique<ProgressSummaryScenario>(std::move(patients),
                                                   window_days);
}

}  // namespace corebalance::bench
