// ProgressService: raising, listing and acknowledging alerts.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/errors.h"
#include "services/common/internal_detail.h"
#include "services/common/logging.h"
#include "services/common/page_token.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/progress/alert_rows.h"
#include "services/progress/progress_service.h"
#include "services/progress/rules/alerts.h"
#include "services/progress/rules/days.h"
#include "services/progress/session_proto.h"

namespace corebalance::progress {
namespace {

constexpr MethodSpec kListAlerts{"corebalance.v1.ProgressService/ListAlerts",
                                 Permission::kClinicalRead, true};
constexpr MethodSpec kAcknowledgeAlert{
    "corebalance.v1.ProgressService/AcknowledgeAlert",
    Permission::kClinicalWrite, true};

constexpr size_t kMaxNote = 2000;

struct AlertRef {
  std::string patient_id;
  std::string id;
};

std::optional<AlertRef> ParseAlertName(const std::string& name) {
  const size_t at = name.find("/alerts/");
  if (at == std::string::npos) return std::nullopt;
  AlertRef ref{IdFromName(name.substr(0, at), "patients"),
               name.substr(at + std::string("/alerts/").size())};
  if (ref.patient_id.empty() || !IsValidResourceId(ref.id)) {
    return std::nullopt;
  }
  return ref;
}

}  // namespace

grpc::ServerUnaryReactor* ProgressServiceImpl::ListAlerts(
    grpc::CallbackServerContext* context, const v1::ListAlertsRequest* request,
    v1::ListAlertsResponse* response) {
  return kit_->Unary(
      context, request, kListAlerts, [=, this](RpcCall& call) -> absl::Status {
        const std::string& parent = request->parent();
        FieldViolations violations;
        AlertQuery query;
        if (parent != "patients/-") {
          query.patient_id = IdFromName(parent, "patients");
          if (query.patient_id.empty()) {
            violations.push_back(
                {"parent", "must be \"patients/{patient}\" or \"patients/-\""});
          } else {
            call.AuditResource(absl::StrCat(parent, "/alerts"), parent);
          }
        }
        if (!v1::Alert::Kind_IsValid(request->kind())) {
          violations.push_back({"kind", "unknown kind"});
        }
        if (!v1::Alert::State_IsValid(request->state())) {
          violations.push_back({"state", "unknown state"});
        }
        auto page_size = EffectivePageSize(request->page_size());
        if (!page_size.ok()) {
          violations.push_back({"page_size", "must not be negative"});
        }
        if (!violations.empty()) return InvalidArgumentError(violations);
        const std::string fingerprint =
            absl::StrCat(parent, "|", request->kind(), "|", request->state());
        CB_ASSIGN_OR_RETURN(
            std::optional<PageCursor> cursor,
            DecodePageToken(request->page_token(), fingerprint));
        query.clinic_id = call.principal().clinic_id;
        query.kind = request->kind();
        query.state = request->state();
        query.limit = *page_size + 1;
        if (cursor) query.before_seq = cursor->last_key;
        CB_ASSIGN_OR_RETURN(std::vector<StoredAlert> found,
                            alerts_->List(query, call.deadline()));
        if (found.empty() && !cursor && !query.patient_id.empty()) {
          CB_RETURN_IF_ERROR(
              sources_->CheckPatient(call.caller(), query.patient_id));
        }
        const bool more = static_cast<int>(found.size()) > *page_size;
        if (more) found.resize(*page_size);
        for (const auto& a : found) *response->add_alerts() = ToProto(a);
        if (more) {
          response->set_next_page_token(EncodePageToken(
              {found.back().seq, found.back().id}, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ProgressServiceImpl::AcknowledgeAlert(
    grpc::CallbackServerContext* context,
    const v1::AcknowledgeAlertRequest* request, v1::Alert* response) {
  return kit_->Unary(
      context, request, kAcknowledgeAlert,
      [=, this](RpcCall& call) -> absl::Status {
        const auto ref = ParseAlertName(request->name());
        if (!ref) {
          return InvalidArgumentError("name",
                                      "must be a resource name like "
                                      "\"patients/abc/alerts/def\"");
        }
        call.AuditResource(request->name(), PatientName(ref->patient_id));
        FieldViolations violations;
        CheckRequiredText("note", request->note(), kMaxNote, violations);
        if (!violations.empty()) return InvalidArgumentError(violations);
        CB_ASSIGN_OR_RETURN(StoredAlert acknowledged,
                            use_cases_.acknowledge_alert->Run(
                                call.caller(), ref->patient_id, ref->id,
                                request->note(), call.Change()));
        *response = ToProto(acknowledged);
        return absl::OkStatus();
      });
}

}  // namespace corebalance::progress
