#include "services/common/page_token.h"
#include "services/common/status_macros.h"
#include "services/intake/convert.h"
#include "services/intake/intake_internal_service.h"

namespace corebalance::intake {
namespace {

constexpr MethodSpec kListEventHeads{
    "corebalance.v1.IntakeInternalService/ListEventHeads",
    Permission::kAuthenticated, false, /*internal=*/true};
constexpr MethodSpec kListClinicEvents{
    "corebalance.v1.IntakeInternalService/ListClinicEvents",
    Permission::kAuthenticated, false, /*internal=*/true};
constexpr MethodSpec kExportSnapshot{
    "corebalance.v1.IntakeInternalService/ExportSnapshot",
    Permission::kAuthenticated, false, /*internal=*/true};

constexpr int kDefaultPageSize = 200;
constexpr char kSnapshotFingerprint[] = "intake-snapshot";
// The snapshot's two parts, in the page token's key.
constexpr int64_t kPatients = 0;
constexpr int64_t kAssessments = 1;

}  // namespace

grpc::ServerUnaryReactor* IntakeInternalServiceImpl::ListEventHeads(
    grpc::CallbackServerContext* context,
    const v1::ListEventHeadsRequest* request,
    v1::ListEventHeadsResponse* response) {
  return kit_->Unary(context, kListEventHeads, [=, this](RpcCall& call) {
    return feed_->ListEventHeads(*request, *response, call.deadline());
  });
}

grpc::ServerUnaryReactor* IntakeInternalServiceImpl::ListClinicEvents(
    grpc::CallbackServerContext* context,
    const v1::ListClinicEventsRequest* request,
    v1::ListClinicEventsResponse* response) {
  return kit_->Unary(context, kListClinicEvents, [=, this](RpcCall& call) {
    return feed_->ListClinicEvents(*request, *response, call.deadline());
  });
}

grpc::ServerUnaryReactor* IntakeInternalServiceImpl::ExportSnapshot(
    grpc::CallbackServerContext* context,
    const v1::ExportSnapshotRequest* request,
    v1::ExportSnapshotResponse* response) {
  return kit_->Unary(
      context, kExportSnapshot, [=, this](RpcCall& call) -> absl::Status {
        CB_ASSIGN_OR_RETURN(
            outbox::FeedPage page,
            outbox::ReadFeedPage(request->clinic(), request->page_size(),
                                 kDefaultPageSize));
        CB_ASSIGN_OR_RETURN(
            std::optional<PageCursor> cursor,
            DecodePageToken(request->page_token(), kSnapshotFingerprint));
        PageCursor at = cursor.value_or(PageCursor{kPatients, ""});
        if (at.last_key == kPatients) {
          CB_ASSIGN_OR_RETURN(
              std::vector<PatientRecord> patients,
              patients_->ListClinic(page.clinic_id, at.last_id, page.limit + 1,
                                    call.deadline()));
          if (static_cast<int>(patients.size()) > page.limit) {
            patients.resize(page.limit);
            at.last_id = patients.back().id;
          } else {
            at = {kAssessments, ""};
          }
          for (const PatientRecord& p : patients) {
            response->add_resources()->PackFrom(ToProto(p));
          }
        } else {
          CB_ASSIGN_OR_RETURN(
              std::vector<AssessmentRecord> assessments,
              assessments_->ListClinic(page.clinic_id, at.last_id,
                                       page.limit + 1, call.deadline()));
          const bool more = static_cast<int>(assessments.size()) > page.limit;
          if (more) assessments.resize(page.limit);
          for (const AssessmentRecord& a : assessments) {
            response->add_resources()->PackFrom(a.body);
          }
          if (!more) return absl::OkStatus();
          at.last_id = assessments.back().id;
        }
        response->set_next_page_token(
            EncodePageToken(at, kSnapshotFingerprint));
        return absl::OkStatus();
      });
}

}  // namespace corebalance::intake
