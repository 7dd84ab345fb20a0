// ProgressService: the progress summary.

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/errors.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/progress/progress_service.h"
#include "services/progress/rules/days.h"
#include "services/progress/summary.h"

namespace corebalance::progress {
namespace {

constexpr MethodSpec kGetProgressSummary{
    "corebalance.v1.ProgressService/GetProgressSummary",
    Permission::kClinicalRead, true};

constexpr int kDefaultWindowDays = 14;
constexpr int kMaxWindowDays = 365;

}  // namespace

grpc::ServerUnaryReactor* ProgressServiceImpl::GetProgressSummary(
    grpc::CallbackServerContext* context,
    const v1::GetProgressSummaryRequest* request,
    v1::ProgressSummary* response) {
  return kit_->Unary(
      context, request, kGetProgressSummary,
      [=, this](RpcCall& call) -> absl::Status {
        const std::string& patient = request->patient();
        FieldViolations violations;
        const std::string patient_id = IdFromName(patient, "patients");
        if (patient_id.empty()) {
          violations.push_back(
              {"patient", "must be a resource name like \"patients/abc123\""});
        } else {
          call.AuditResource(patient, patient);
        }
        const int window_days = request->window_days() == 0
                                    ? kDefaultWindowDays
                                    : request->window_days();
        if (window_days < 1 || window_days > kMaxWindowDays) {
          violations.push_back({"window_days", "must be 1..365"});
        }
        if (!violations.empty()) return InvalidArgumentError(violations);

        CB_ASSIGN_OR_RETURN(
            *response,
            use_cases_.summarize->Run(call.caller(), patient_id, window_days));
        return absl::OkStatus();
      });
}

}  // namespace corebalance::progress
