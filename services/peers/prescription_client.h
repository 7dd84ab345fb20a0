#ifndef COREBALANCE_SERVICES_PEERS_PRESCRIPTION_CLIENT_H_
#define COREBALANCE_SERVICES_PEERS_PRESCRIPTION_CLIENT_H_

// What other services read from PrescriptionService, through its gRPC API
// only, on behalf of their caller (see intake_client.h for what that means
// for authorization, deadlines and errors).

#include <grpcpp/channel.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "corebalance/v1/prescription.grpc.pb.h"
#include "services/common/caller.h"

namespace corebalance::peers {

class PrescriptionClient {
 public:
  // A null channel (prescription not reachable from this process) makes
  // every call UNAVAILABLE. Calls carry `internal_key`. `in_process`: the
  // channel is to a co-hosted service.
  PrescriptionClient(std::shared_ptr<grpc::Channel> channel,
                     std::string internal_key, bool in_process = false);

  // `patients/{patient}/plans/{plan}`.
  absl::StatusOr<v1::Plan> GetPlan(const std::string& name,
                                   const Caller& caller);
  // The patient's ACTIVE plan, or nullopt when there is none.
  absl::StatusOr<std::optional<v1::Plan>> ActivePlan(const std::string& patient,
                                                     const Caller& caller);
  // Every revision of the plan `plan`, oldest first.
  absl::StatusOr<std::vector<v1::PlanRevision>> PlanRevisions(
      const std::string& plan, const Caller& caller);
  // The plan templates the caller's clinic sees (the first 1000).
  absl::StatusOr<std::vector<v1::PlanTemplate>> PlanTemplates(
      const Caller& caller);
  // The exercises the caller's clinic sees (the first 1000).
  absl::StatusOr<std::vector<v1::Exercise>> Exercises(const Caller& caller);

 private:
  // Out of process only: tells a silent peer from a short deadline.
  std::shared_ptr<grpc::Channel> remote_;
  std::unique_ptr<v1::PrescriptionService::Stub> stub_;
  const std::string internal_key_;
};

}  // namespace corebalance::peers

#endif  // COREBALANCE_SERVICES_PEERS_PRESCRIPTION_CLIENT_H_
