#ifndef COREBALANCE_TESTS_INTEGRATION_ERRORS_CALLS_H_
#define COREBALANCE_TESTS_INTEGRATION_ERRORS_CALLS_H_

// What the error tests share: stubs of every public service, a named RPC to
// make through a given context, and the requests they make.

#include <grpcpp/client_context.h>

#include <functional>
#include <memory>
#include <string>

#include "corebalance/v1/access.grpc.pb.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "corebalance/v1/prescription.grpc.pb.h"
#include "corebalance/v1/progress.grpc.pb.h"
#include "tests/integration/intake/intake_fixture.h"

namespace corebalance {

// One RPC with its request, made through the given context.
struct NamedCall {
  std::string name;
  std::function<grpc::Status(grpc::ClientContext&)> call;
};

// `method` of `stub` with `request`.
template <typename Stub, typename Request, typename Response>
NamedCall Rpc(std::string name, Stub* stub,
              grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                           Response*),
              Request request = {}) {
  return {std::move(name), [stub, method, request](grpc::ClientContext& c) {
            Response out;
            return (stub->*method)(&c, request, &out);
          }};
}

// Stubs of every public service on one channel.
struct Stubs {
  using Access = v1::AccessService::Stub;
  using Intake = v1::IntakeService::Stub;
  using Prescription = v1::PrescriptionService::Stub;
  using Progress = v1::ProgressService::Stub;

  explicit Stubs(const std::shared_ptr<grpc::Channel>& channel)
      : access(v1::AccessService::NewStub(channel)),
        intake(v1::IntakeService::NewStub(channel)),
        prescription(v1::PrescriptionService::NewStub(channel)),
        progress(v1::ProgressService::NewStub(channel)) {}

  std::unique_ptr<Access> access;
  std::unique_ptr<Intake> intake;
  std::unique_ptr<Prescription> prescription;
  std::unique_ptr<Progress> progress;
};

inline v1::CreatePatientRequest NewPatient(const std::string& family) {
  v1::CreatePatientRequest request;
  request.mutable_patient()->set_given_name("Maria");
  request.mutable_patient()->set_family_name(family);
  return request;
}

inline v1::SubmitAssessmentRequest NewAssessment(
    const std::string& patient, const std::string& request_id = "") {
  v1::SubmitAssessmentRequest request;
  request.set_parent(patient);
  request.set_request_id(request_id);
  *request.mutable_assessment() = test::InitialAssessment();
  return request;
}

inline v1::GetPatientRequest GetPatient(const std::string& patient) {
  v1::GetPatientRequest request;
  request.set_name(patient);
  return request;
}

// A session of `plan` for `patient`, every exercise done as prescribed, a
// second after the plan was assigned, pain 3 throughout.
inline v1::LogSessionRequest SessionOf(const std::string& patient,
                                       const v1::Plan& plan) {
  v1::LogSessionRequest log;
  log.set_parent(patient);
  v1::Session* session = log.mutable_session();
  *session->mutable_perform_time() = plan.create_time();
  session->mutable_perform_time()->set_seconds(plan.create_time().seconds() +
                                               1);
  for (const auto& pe : plan.exercises()) {
    v1::SessionExercise* e = session->add_exercises();
    e->set_exercise(pe.exercise());
    e->set_completed(true);
    e->set_sets(pe.dose().sets());
    e->set_reps(pe.dose().reps());
  }
  session->set_pain_before(3);
  session->set_worst_pain_during(3);
  session->set_pain_after(3);
  session->set_rpe(4);
  return log;
}

}  // namespace corebalance

#endif  // COREBALANCE_TESTS_INTEGRATION_ERRORS_CALLS_H_
