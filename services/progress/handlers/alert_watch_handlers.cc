// ProgressService.WatchAlerts: a server stream fed by the AlertFeed.

#include "absl/strings/str_cat.h"
#include "services/common/errors.h"
#include "services/common/peer_call.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/progress/alert_watch.h"
#include "services/progress/progress_service.h"

namespace corebalance::progress {
namespace {

constexpr MethodSpec kWatchAlerts{"corebalance.v1.ProgressService/WatchAlerts",
                                  Permission::kClinicalRead, true};

// Initial metadata sent once the watch is in place.
constexpr char kWatchOpenHeader[] = "x-corebalance-watch-open";

// The reactor gRPC drives; the watch holds the stream's state and outlives
// it when the feed still has it.
class WatchReactor final : public AlertWriter {
 public:
  WatchReactor() : watch_(std::make_shared<AlertWatch>(this)) {}
  const std::shared_ptr<AlertWatch>& watch() const { return watch_; }

  void OnWriteDone(bool ok) override { watch_->WriteDone(ok); }
  void OnCancel() override { watch_->End(grpc::Status::CANCELLED); }
  void OnDone() override { delete this; }

 private:
  std::shared_ptr<AlertWatch> watch_;
};

// What the opening settles, for the stream to start with.
struct WatchStart {
  AlertFilter filter;
  int64_t after = 0;
  bool reserved = false;  // a place among the feed's streams
};

}  // namespace

const MethodSpec& ProgressServiceImpl::WatchAlertsSpec() {
  return kWatchAlerts;
}

grpc::ServerWriteReactor<v1::WatchAlertsResponse>*
ProgressServiceImpl::WatchAlerts(grpc::CallbackServerContext* context,
                                 const v1::WatchAlertsRequest* request) {
  auto* reactor = new WatchReactor;
  std::shared_ptr<AlertWatch> watch = reactor->watch();
  // Filled by `open` on the worker, read by `opened` after it.
  auto start = std::make_shared<WatchStart>();
  kit_->OpenStream(
      context, request, kWatchAlerts,
      [=, this](RpcCall& call) -> absl::Status {
        FieldViolations violations;
        AlertFilter& filter = start->filter;
        filter.clinic_id = call.principal().clinic_id;
        if (request->parent() != "patients/-") {
          filter.patient_id = IdFromName(request->parent(), "patients");
          if (filter.patient_id.empty()) {
            violations.push_back(
                {"parent", "must be \"patients/{patient}\" or \"patients/-\""});
          } else {
            call.AuditResource(absl::StrCat(request->parent(), "/alerts"),
                               request->parent());
          }
        }
        if (!v1::Alert::Kind_IsValid(request->kind())) {
          violations.push_back({"kind", "unknown kind"});
        }
        filter.kind = request->kind();
        std::optional<int64_t> after;
        if (!request->after().empty()) {
          absl::StatusOr<int64_t> seq = DecodeAlertCursor(request->after());
          if (seq.ok()) {
            after = *seq;
          } else {
            violations.push_back(
                {"after",
                 "must be the cursor of a response of an earlier WatchAlerts"});
          }
        }
        if (!violations.empty()) return InvalidArgumentError(violations);
        if (!after) {
          CB_ASSIGN_OR_RETURN(
              after, alerts_->LastSeq(filter.clinic_id, call.deadline()));
        }
        start->after = *after;
        // Last: past the caps, the refusal is audited like any other.
        CB_RETURN_IF_ERROR(feed_->Reserve(filter.clinic_id));
        start->reserved = true;
        return absl::OkStatus();
      },
      [=, this](const grpc::Status& status) {
        if (!status.ok()) {
          if (start->reserved) feed_->Release(start->filter.clinic_id);
          watch->Refuse(status);
          return;
        }
        context->AddInitialMetadata(kWatchOpenHeader, "1");
        if (watch->Open(start->filter, start->after,
                        ForwardedAuthorization(*context))) {
          feed_->Add(watch);
        } else {
          feed_->Release(start->filter.clinic_id);
        }
      });
  return reactor;
}

}  // namespace corebalance::progress
