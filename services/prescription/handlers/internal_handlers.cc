#include "services/common/errors.h"
#include "services/common/page_token.h"
#include "services/common/principal_proto.h"
#include "services/common/status_macros.h"
#include "services/prescription/convert.h"
#include "services/prescription/prescription_internal_service.h"

namespace corebalance::prescription {
namespace {

constexpr MethodSpec kListActivePlans{
    "corebalance.v1.PrescriptionInternalService/ListActivePlans",
    Permission::kAuthenticated, false, /*internal=*/true};

constexpr int kDefaultPageSize = 100;
constexpr char kFingerprint[] = "active-plans";

}  // namespace

grpc::ServerUnaryReactor* PrescriptionInternalServiceImpl::ListActivePlans(
    grpc::CallbackServerContext* context,
    const v1::ListActivePlansRequest* request,
    v1::ListActivePlansResponse* response) {
  return kit_->Unary(
      context, kListActivePlans, [=, this](RpcCall& call) -> absl::Status {
        auto page_size = EffectivePageSize(request->page_size());
        if (!page_size.ok()) {
          return InvalidArgumentError("page_size", "must not be negative");
        }
        const int limit =
            request->page_size() == 0 ? kDefaultPageSize : *page_size;
        CB_ASSIGN_OR_RETURN(
            std::optional<PageCursor> cursor,
            DecodePageToken(request->page_token(), kFingerprint));
        CB_ASSIGN_OR_RETURN(
            std::vector<ActivePlanRecord> found,
            plans_->ListActivePlans(cursor ? cursor->last_id : "", limit + 1,
                                    call.deadline()));
        const bool more = static_cast<int>(found.size()) > limit;
        if (more) found.resize(limit);
        for (const ActivePlanRecord& record : found) {
          v1::ActivePlan& out = *response->add_plans();
          out.set_clinic(ClinicName(record.plan.clinic_id));
          *out.mutable_plan() = ToProto(record.plan);
          for (const RevisionRecord& r : record.revisions) {
            *out.add_revisions() = ToProto(r);
          }
        }
        if (more) {
          response->set_next_page_token(
              EncodePageToken({0, found.back().plan.id}, kFingerprint));
        }
        return absl::OkStatus();
      });
}

}  // namespace corebalance::prescription
