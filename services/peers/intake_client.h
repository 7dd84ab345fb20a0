#ifndef COREBALANCE_SERVICES_PEERS_INTAKE_CLIENT_H_
#define COREBALANCE_SERVICES_PEERS_INTAKE_CLIENT_H_

// What other services read from IntakeService, through its gRPC API only.
// Each call forwards the caller's `authorization` header, so IntakeService
// applies the same principal and clinic, and answers before the caller's
// deadline: IntakeService unreachable, failing or too slow gives
// UNAVAILABLE; its verdicts about the request (NOT_FOUND,
// PERMISSION_DENIED, ...) come back as they are.

#include <grpcpp/channel.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "services/common/caller.h"

namespace corebalance::peers {

class IntakeClient {
 public:
  // A null channel (intake not reachable from this process) makes every
  // call UNAVAILABLE. Calls carry `internal_key` (see common/peer_call.h).
  // `in_process`: the channel is to a co-hosted service.
  IntakeClient(std::shared_ptr<grpc::Channel> channel, std::string internal_key,
               bool in_process = false);

  // OK when the caller's clinic has the patient `patient` (patients/{id}).
  absl::Status CheckPatient(const std::string& patient, const Caller& caller);
  // The patient's newest assessment, or nullopt when they have none.
  absl::StatusOr<std::optional<v1::Assessment>> LatestAssessment(
      const std::string& patient, const Caller& caller);
  // The patient's assessments (only `kind`, when set), newest first (the
  // first 100).
  absl::StatusOr<std::vector<v1::Assessment>> Assessments(
      const std::string& patient, const Caller& caller,
      v1::Assessment::Kind kind = v1::Assessment::KIND_UNSPECIFIED);

 private:
  absl::StatusOr<v1::ListAssessmentsResponse> List(
      const v1::ListAssessmentsRequest& request, const Caller& caller);

  // Out of process only: tells a silent peer from a short deadline.
  std::shared_ptr<grpc::Channel> remote_;
  std::unique_ptr<v1::IntakeService::Stub> stub_;
  const std::string internal_key_;
};

}  // namespace corebalance::peers

#endif  // COREBALANCE_SERVICES_PEERS_INTAKE_CLIENT_H_
