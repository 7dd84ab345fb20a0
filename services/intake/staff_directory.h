#ifndef COREBALANCE_SERVICES_INTAKE_STAFF_DIRECTORY_H_
#define COREBALANCE_SERVICES_INTAKE_STAFF_DIRECTORY_H_

// Looks up staff members through AccessService's internal API (the access
// service owns staff; intake keeps only references to them).

#include <grpcpp/channel.h>

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "corebalance/v1/access_internal.grpc.pb.h"

namespace corebalance::intake {

class StaffDirectory {
 public:
  StaffDirectory(std::shared_ptr<grpc::Channel> access_channel,
                 std::string internal_key);

  // The clinic's staff member `staff_id`, or nullopt when the clinic has
  // none such. UNAVAILABLE when the access service does not answer before
  // `deadline`.
  absl::StatusOr<std::optional<v1::StaffMember>> Find(
      int64_t clinic_id, const std::string& staff_id, absl::Time deadline);

 private:
  std::unique_ptr<v1::AccessInternalService::Stub> stub_;
  const std::string internal_key_;
};

// Why `member` cannot be a patient's assigned practitioner, or empty when it
// can: it must be active and a PRACTITIONER or ADMIN.
std::string PractitionerProblem(const std::optional<v1::StaffMember>& member);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_STAFF_DIRECTORY_H_
