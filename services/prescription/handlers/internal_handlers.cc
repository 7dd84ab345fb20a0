#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/page_token.h"
#include "services/common/principal_proto.h"
#include "services/common/status_macros.h"
#include "services/prescription/convert.h"
#include "services/prescription/prescription_internal_service.h"

namespace corebalance::prescription {
namespace {

constexpr MethodSpec kListEventHeads{
    "corebalance.v1.PrescriptionInternalService/ListEventHeads",
    Permission::kAuthenticated, false, /*internal=*/true};
constexpr MethodSpec kListClinicEvents{
    "corebalance.v1.PrescriptionInternalService/ListClinicEvents",
    Permission::kAuthenticated, false, /*internal=*/true};
constexpr MethodSpec kExportSnapshot{
    "corebalance.v1.PrescriptionInternalService/ExportSnapshot",
    Permission::kAuthenticated, false, /*internal=*/true};

constexpr int kDefaultPageSize = 100;
constexpr char kSnapshotFingerprint[] = "prescription-snapshot";
constexpr int64_t kSnapshotPlans = 0;
constexpr int64_t kSnapshotExercises = 1;
constexpr int64_t kSnapshotTemplates = 2;

// "key:id" (a catalogue listing's own cursor, inside the snapshot's).
PageCursor InnerCursor(const std::string& text) {
  PageCursor c;
  const size_t colon = text.find(':');
  if (colon == std::string::npos ||
      !absl::SimpleAtoi(text.substr(0, colon), &c.last_key)) {
    return c;
  }
  c.last_id = text.substr(colon + 1);
  return c;
}

}  // namespace

grpc::ServerUnaryReactor* PrescriptionInternalServiceImpl::ListEventHeads(
    grpc::CallbackServerContext* context,
    const v1::ListEventHeadsRequest* request,
    v1::ListEventHeadsResponse* response) {
  return kit_->Unary(context, kListEventHeads, [=, this](RpcCall& call) {
    return feed_->ListEventHeads(*request, *response, call.deadline());
  });
}

grpc::ServerUnaryReactor* PrescriptionInternalServiceImpl::ListClinicEvents(
    grpc::CallbackServerContext* context,
    const v1::ListClinicEventsRequest* request,
    v1::ListClinicEventsResponse* response) {
  return kit_->Unary(context, kListClinicEvents, [=, this](RpcCall& call) {
    return feed_->ListClinicEvents(*request, *response, call.deadline());
  });
}

grpc::ServerUnaryReactor* PrescriptionInternalServiceImpl::ExportSnapshot(
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
        CB_ASSIGN_OR_RETURN(std::optional<PageCursor> next,
                            SnapshotPage(page, cursor.value_or(PageCursor{}),
                                         call.deadline(), *response));
        if (next) {
          response->set_next_page_token(
              EncodePageToken(*next, kSnapshotFingerprint));
        }
        return absl::OkStatus();
      });
}

absl::StatusOr<std::optional<PageCursor>>
PrescriptionInternalServiceImpl::SnapshotPage(
    const outbox::FeedPage& page, const PageCursor& at, absl::Time deadline,
    v1::ExportSnapshotResponse& response) {
  // The page token's key is the part: plans, exercises, then templates;
  // its id the part's own cursor.
  if (at.last_key == kSnapshotPlans) {
    CB_ASSIGN_OR_RETURN(std::vector<PlanWithRevisions> found,
                        plans_->ListClinicPlans(page.clinic_id, at.last_id,
                                                page.limit + 1, deadline));
    const bool more = static_cast<int>(found.size()) > page.limit;
    if (more) found.resize(page.limit);
    for (const PlanWithRevisions& record : found) {
      response.add_resources()->PackFrom(ToProto(record.plan));
      for (const RevisionRecord& r : record.revisions) {
        response.add_resources()->PackFrom(ToProto(r));
      }
    }
    if (more) return PageCursor{kSnapshotPlans, found.back().plan.id};
    return PageCursor{kSnapshotExercises, ""};
  }
  std::optional<PageCursor> inner;
  if (!at.last_id.empty()) inner = InnerCursor(at.last_id);
  if (at.last_key == kSnapshotExercises) {
    CB_ASSIGN_OR_RETURN(
        std::vector<ExerciseRecord> found,
        catalogue_->ListExercises(page.clinic_id, ExerciseFilter(), inner,
                                  page.limit + 1, deadline));
    const bool more = static_cast<int>(found.size()) > page.limit;
    if (more) found.resize(page.limit);
    for (const ExerciseRecord& e : found) {
      response.add_resources()->PackFrom(ToProto(e));
    }
    if (more) {
      return PageCursor{
          kSnapshotExercises,
          absl::StrCat(found.back().clinic_id, ":", found.back().slug)};
    }
    return PageCursor{kSnapshotTemplates, ""};
  }
  CB_ASSIGN_OR_RETURN(std::vector<TemplateRecord> found,
                      catalogue_->ListTemplates(page.clinic_id, inner,
                                                page.limit + 1, deadline));
  const bool more = static_cast<int>(found.size()) > page.limit;
  if (more) found.resize(page.limit);
  for (const TemplateRecord& t : found) {
    response.add_resources()->PackFrom(ToProto(t));
  }
  if (!more) return std::nullopt;
  return PageCursor{kSnapshotTemplates,
                    absl::StrCat(found.back().phase, ":", found.back().slug)};
}

}  // namespace corebalance::prescription
