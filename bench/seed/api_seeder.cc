#include "bench/seed/api_seeder.h"

#include <cppconn/exception.h>
#include <grpcpp/client_context.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "bench/common/random_values.h"
#include "bench/seed/backdate.h"
#include "bench/seed/patient_maker.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "corebalance/v1/prescription.grpc.pb.h"
#include "services/common/sql_time.h"
#include "services/store/connection.h"
#include "services/store/sql_error.h"

namespace corebalance::bench {
namespace {

constexpr absl::Duration kCallTimeout = absl::Seconds(30);
// MySQL error numbers worth a retry.
constexpr int kDeadlock = 1213;
constexpr int kLockWaitTimeout = 1205;

// Whatever is left of a name after "<collection>/".
std::string IdAfter(const std::string& name, const std::string& prefix) {
  const size_t at = name.rfind(prefix);
  return at == std::string::npos ? name : name.substr(at + prefix.size());
}

absl::Status CallError(const char* step, const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(step, ": ", status.error_message()));
}

class Worker {
 public:
  Worker(int index, const std::shared_ptr<grpc::Channel>& channel,
         const ApiSeederOptions& options)
      : intake_(v1::IntakeService::NewStub(channel)),
        prescription_(v1::PrescriptionService::NewStub(channel)),
        options_(options),
        rng_(SeededRng(1000 + index)) {}

  absl::Status Connect() {
    auto c = store::Connection::Open(options_.mysql,
                                     absl::Now() + absl::Seconds(10));
    if (!c.ok()) return c.status();
    sql_ = *std::move(c);
    return absl::OkStatus();
  }

  absl::StatusOr<SeedPatient> MakeOne(const GroupSpec& group) {
    SeedPatient out;
    out.group = group.name;
    out.sessions = group.sessions;
    out.days = group.days;
    out.logged_by = options_.principal;

    v1::CreatePatientRequest create;
    *create.mutable_patient() = MakePatient(rng_);
    create.set_request_id(FreshRequestId());
    v1::Patient patient;
    {
      auto context = Context();
      grpc::Status s = intake_->CreatePatient(context.get(), create, &patient);
      if (!s.ok()) return CallError("CreatePatient", s);
    }
    out.patient_id = IdAfter(patient.name(), "patients/");

    v1::SubmitAssessmentRequest submit;
    submit.set_parent(patient.name());
    *submit.mutable_assessment() = MakeInitialAssessment(rng_);
    submit.set_request_id(FreshRequestId());
    out.initial_nprs = submit.assessment().nprs_now();
    v1::Assessment assessment;
    {
      auto context = Context();
      grpc::Status s =
          intake_->SubmitAssessment(context.get(), submit, &assessment);
      if (!s.ok()) return CallError("SubmitAssessment", s);
    }
    if (!group.plan) return out;

    v1::AssignPlanRequest assign;
    assign.set_parent(patient.name());
    assign.set_request_id(FreshRequestId());
    v1::Plan plan;
    {
      auto context = Context();
      grpc::Status s = prescription_->AssignPlan(context.get(), assign, &plan);
      if (!s.ok()) return CallError("AssignPlan", s);
    }
    out.plan_id = IdAfter(plan.name(), "/plans/");
    out.plan_revision = plan.revision();
    out.logged_by = plan.assigned_by();
    for (const v1::PlanExercise& pe : plan.exercises()) {
      out.exercises.push_back({IdAfter(pe.exercise(), "exercises/"),
                               pe.dose().sets(), pe.dose().reps(),
                               pe.dose().hold_seconds(),
                               pe.dose().duration_minutes()});
    }
    out.plan_start = FromProtoTime(plan.create_time());
    if (group.sessions > 0) {
      // The day before the first session; apart by a few seconds so that
      // concurrent backdates do not meet in the plans' time indexes.
      out.plan_start = absl::FromUnixSeconds(
          absl::ToUnixSeconds(absl::Now() -
                              absl::Hours(24) * (group.days + 1)) -
          UniformInt(rng_, 0, 3600));
      if (absl::Status s = Backdate(out); !s.ok()) return s;
    }
    return out;
  }

 private:
  // Retried when it deadlocks with a concurrent AssignPlan or backdate.
  absl::Status Backdate(const SeedPatient& p) {
    for (int attempt = 1;; ++attempt) {
      try {
        BackdatePlan(*sql_, options_.clinic_id, p.patient_id, p.plan_id,
                     p.plan_start);
        return absl::OkStatus();
      } catch (const sql::SQLException& e) {
        try {
          sql_->Execute("ROLLBACK");
        } catch (const sql::SQLException&) {
        }
        const bool retry = e.getErrorCode() == kDeadlock ||
                           e.getErrorCode() == kLockWaitTimeout;
        if (!retry || attempt >= 5) {
          return absl::Status(store::SqlErrorToStatus(e).code(),
                              absl::StrCat("backdating the plan: ", e.what()));
        }
        absl::SleepFor(absl::Milliseconds(10 * attempt));
      }
    }
  }

  std::unique_ptr<grpc::ClientContext> Context() {
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("authorization", "Bearer " + options_.token);
    context->set_deadline(absl::ToChronoTime(absl::Now() + kCallTimeout));
    return context;
  }

  std::unique_ptr<v1::IntakeService::Stub> intake_;
  std::unique_ptr<v1::PrescriptionService::Stub> prescription_;
  const ApiSeederOptions& options_;
  Rng rng_;
  std::unique_ptr<store::Connection> sql_;
};

}  // namespace

absl::Status SeedPatientsThroughApi(
    const std::vector<std::shared_ptr<grpc::Channel>>& channels,
    const std::vector<GroupSpec>& groups,
    const std::map<std::string, int>& missing, const ApiSeederOptions& options,
    SeedWriter& out) {
  // Small groups first: the heavy and curve patients exist early.
  std::vector<const GroupSpec*> todo;
  for (auto it = groups.rbegin(); it != groups.rend(); ++it) {
    auto m = missing.find(it->name);
    for (int i = 0; m != missing.end() && i < m->second; ++i) {
      todo.push_back(&*it);
    }
  }
  if (todo.empty()) return absl::OkStatus();
  std::cerr << "seed: creating " << todo.size() << " patients through the API ("
            << options.concurrency << " at a time)\n";

  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::atomic<bool> failed{false};
  absl::Mutex mu;
  absl::Status first_error;
  auto fail = [&](absl::Status s) {
    absl::MutexLock lock(&mu);
    if (first_error.ok()) first_error = std::move(s);
    failed = true;
  };
  const absl::Time start = absl::Now();
  std::vector<std::thread> threads;
  for (int t = 0; t < options.concurrency; ++t) {
    threads.emplace_back([&, t] {
      Worker worker(t, channels[t % channels.size()], options);
      if (absl::Status s = worker.Connect(); !s.ok()) return fail(s);
      while (!failed) {
        const size_t i = next.fetch_add(1);
        if (i >= todo.size()) return;
        auto patient = worker.MakeOne(*todo[i]);
        if (!patient.ok()) return fail(patient.status());
        if (absl::Status s = out.Append(*patient); !s.ok()) return fail(s);
        done.fetch_add(1);
      }
    });
  }
  absl::Notification finished;
  std::thread progress([&] {
    while (!finished.WaitForNotificationWithTimeout(absl::Seconds(5))) {
      const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
      std::cerr << "seed: " << done << "/" << todo.size() << " patients ("
                << static_cast<int>(done / seconds) << "/s)\n";
    }
  });
  for (auto& t : threads) t.join();
  finished.Notify();
  progress.join();
  if (!first_error.ok()) return first_error;
  std::cerr << "seed: " << done << " patients in "
            << absl::FormatDuration(
                   absl::Trunc(absl::Now() - start, absl::Milliseconds(100)))
            << "\n";
  return absl::OkStatus();
}

}  // namespace corebalance::bench
