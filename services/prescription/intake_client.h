#ifndef COREBALANCE_SERVICES_PRESCRIPTION_INTAKE_CLIENT_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_INTAKE_CLIENT_H_

// What PrescriptionService reads from IntakeService, through its gRPC API
// only (in-process when co-hosted, over the network otherwise).

#include <grpcpp/channel.h>

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "corebalance/v1/intake.grpc.pb.h"

namespace corebalance::prescription {

class IntakeClient {
 public:
  // `channel` may be null (intake not reachable from this process): every
  // call is then UNAVAILABLE. Calls carry `internal_key` (see peer_call.h).
  IntakeClient(std::shared_ptr<grpc::Channel> channel,
               std::string internal_key);

  // The patient's newest assessment, or nullopt when they have none.
  // `authorization` is the caller's own header, forwarded so IntakeService
  // applies the same principal (and clinic). Answers before `deadline`:
  // IntakeService unreachable, failing or too slow -> UNAVAILABLE (reason
  // INTAKE_UNAVAILABLE); its NOT_FOUND (no such patient in the clinic),
  // PERMISSION_DENIED and the like come back as they are.
  absl::StatusOr<std::optional<v1::Assessment>> LatestAssessment(
      const std::string& patient_name, const std::string& authorization,
      absl::Time deadline);

 private:
  std::unique_ptr<v1::IntakeService::Stub> stub_;
  const std::string internal_key_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_INTAKE_CLIENT_H_
