#ifndef COREBALANCE_SERVICES_PROGRESS_PEER_CLIENTS_H_
#define COREBALANCE_SERVICES_PROGRESS_PEER_CLIENTS_H_

// What ProgressService reads from PrescriptionService (plans) and
// IntakeService (assessments), through their gRPC APIs only. Each call
// forwards the caller's `authorization` header, so the peer applies the same
// principal and clinic, and answers before `deadline`: a peer unreachable,
// failing or too slow gives UNAVAILABLE; its verdicts about the request
// (NOT_FOUND, PERMISSION_DENIED, ...) come back as they are.

#include <grpcpp/channel.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "corebalance/v1/intake.grpc.pb.h"
#include "corebalance/v1/prescription.grpc.pb.h"
#include "services/common/service_kit.h"

namespace corebalance::progress {

// The caller's own `authorization` header, to forward to the peers.
std::string ForwardedAuthorization(const RpcCall& call);

class PeerClients {
 public:
  // A null channel (peer not reachable from this process) makes its calls
  // UNAVAILABLE. Calls carry `internal_key` (see common/peer_call.h).
  PeerClients(std::shared_ptr<grpc::Channel> intake,
              std::shared_ptr<grpc::Channel> prescription,
              std::string internal_key);

  // `patients/{patient}/plans/{plan}`.
  absl::StatusOr<v1::Plan> GetPlan(const std::string& name,
                                   const std::string& authorization,
                                   absl::Time deadline);
  // The patient's ACTIVE plan, or nullopt when there is none.
  absl::StatusOr<std::optional<v1::Plan>> ActivePlan(
      const std::string& patient, const std::string& authorization,
      absl::Time deadline);
  // The NPRS now of the patient's latest assessment, or nullopt when they
  // have none.
  absl::StatusOr<std::optional<int>> LatestNprs(
      const std::string& patient, const std::string& authorization,
      absl::Time deadline);

  // The patient's assessments (only `kind`, when set), newest first (the
  // first 100).
  absl::StatusOr<std::vector<v1::Assessment>> Assessments(
      const std::string& patient, const std::string& authorization,
      absl::Time deadline,
      v1::Assessment::Kind kind = v1::Assessment::KIND_UNSPECIFIED);
  // Every revision of the plan `plan`, oldest first.
  absl::StatusOr<std::vector<v1::PlanRevision>> PlanRevisions(
      const std::string& plan, const std::string& authorization,
      absl::Time deadline);
  // The plan templates the caller's clinic sees (the first 1000).
  absl::StatusOr<std::vector<v1::PlanTemplate>> PlanTemplates(
      const std::string& authorization, absl::Time deadline);
  // The exercises the caller's clinic sees (the first 1000).
  absl::StatusOr<std::vector<v1::Exercise>> Exercises(
      const std::string& authorization, absl::Time deadline);

 private:
  std::unique_ptr<v1::IntakeService::Stub> intake_;
  std::unique_ptr<v1::PrescriptionService::Stub> prescription_;
  const std::string internal_key_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_PEER_CLIENTS_H_
