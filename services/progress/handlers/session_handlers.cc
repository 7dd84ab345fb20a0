// ProgressService: logging, reading and updating sessions.

#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/common/errors.h"
#include "services/common/page_token.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/progress/progress_service.h"
#include "services/progress/session_checks.h"
#include "services/progress/session_proto.h"

namespace corebalance::progress {
namespace {

#define PROGRESS_METHOD(name) "corebalance.v1.ProgressService/" name
constexpr MethodSpec kLogSession{PROGRESS_METHOD("LogSession"),
                                 Permission::kSessionLog, true};
constexpr MethodSpec kGetSession{PROGRESS_METHOD("GetSession"),
                                 Permission::kClinicalRead, true};
constexpr MethodSpec kListSessions{PROGRESS_METHOD("ListSessions"),
                                   Permission::kClinicalRead, true};
constexpr MethodSpec kUpdateSession{PROGRESS_METHOD("UpdateSession"),
                                    Permission::kSessionLog, true};
#undef PROGRESS_METHOD

struct SessionRef {
  std::string patient_id;
  std::string id;
};

// "patients/{patient}/sessions/{session}", or nullopt.
std::optional<SessionRef> ParseSessionName(const std::string& name) {
  const size_t at = name.find("/sessions/");
  if (at == std::string::npos) return std::nullopt;
  SessionRef ref;
  ref.patient_id = IdFromName(name.substr(0, at), "patients");
  ref.id = name.substr(at + std::string("/sessions/").size());
  if (ref.patient_id.empty() || !IsValidResourceId(ref.id)) {
    return std::nullopt;
  }
  return ref;
}

absl::Status BadSessionName(const char* field, const std::string& name) {
  return InvalidArgumentError(
      field, absl::StrCat("must be a resource name like "
                          "\"patients/abc/sessions/def\", got \"",
                          name, "\""));
}

std::string ListFingerprint(const v1::ListSessionsRequest& r) {
  return absl::StrCat(
      r.parent(), "|",
      r.has_start_time() ? ToMicros(FromProtoTime(r.start_time())) : -1, "|",
      r.has_end_time() ? ToMicros(FromProtoTime(r.end_time())) : -1, "|",
      r.plan());
}

}  // namespace

absl::StatusOr<v1::Session> ProgressServiceImpl::Render(
    const StoredSession& session) const {
  CB_ASSIGN_OR_RETURN(SessionClassification classification,
                      Classify(session, rules_.traffic_light));
  return ToProto(session, classification);
}

grpc::ServerUnaryReactor* ProgressServiceImpl::LogSession(
    grpc::CallbackServerContext* context, const v1::LogSessionRequest* request,
    v1::Session* response) {
  return kit_->Unary(
      context, request, kLogSession, [=, this](RpcCall& call) -> absl::Status {
        call.SetRequestId(request->request_id());
        const std::string& parent = request->parent();
        const v1::Session& in = request->session();
        FieldViolations violations;
        const std::string patient_id =
            CheckPatientName("parent", parent, violations);
        if (!patient_id.empty()) {
          call.AuditResource(absl::StrCat(parent, "/sessions"), parent);
        }
        std::string plan_id;
        if (!in.plan().empty() && !patient_id.empty()) {
          plan_id = IdFromName(in.plan(), absl::StrCat(parent, "/plans"));
          if (plan_id.empty()) {
            violations.push_back(
                {"session.plan",
                 absl::StrCat("must be a plan of ", parent, " (", parent,
                              "/plans/{plan}), got \"", in.plan(), "\"")});
          }
        }
        CheckSessionFields(in, absl::Now(), violations);
        CheckRequestId(request->request_id(), violations);
        if (!violations.empty()) return InvalidArgumentError(violations);

        LogSessionInput input{patient_id, plan_id, &in,
                              call.IdempotencyKey(parent)};
        CB_ASSIGN_OR_RETURN(
            StoredSession stored,
            use_cases_.log_session->Run(call.caller(), input, call.Change()));
        CB_ASSIGN_OR_RETURN(*response, Render(stored));
        call.AuditResource(response->name(), parent);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ProgressServiceImpl::GetSession(
    grpc::CallbackServerContext* context, const v1::GetSessionRequest* request,
    v1::Session* response) {
  return kit_->Unary(
      context, request, kGetSession, [=, this](RpcCall& call) -> absl::Status {
        const auto ref = ParseSessionName(request->name());
        if (!ref) return BadSessionName("name", request->name());
        call.AuditResource(request->name(), PatientName(ref->patient_id));
        CB_ASSIGN_OR_RETURN(
            auto found,
            sessions_->Get(call.principal().clinic_id, ref->patient_id, ref->id,
                           call.deadline()));
        if (!found) return NotFoundError(request->name());
        CB_ASSIGN_OR_RETURN(*response, Render(*found));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ProgressServiceImpl::ListSessions(
    grpc::CallbackServerContext* context,
    const v1::ListSessionsRequest* request,
    v1::ListSessionsResponse* response) {
  return kit_->Unary(
      context, request, kListSessions,
      [=, this](RpcCall& call) -> absl::Status {
        const std::string& parent = request->parent();
        FieldViolations violations;
        const std::string patient_id = IdFromName(parent, "patients");
        if (patient_id.empty()) {
          violations.push_back(
              {"parent", "must be a resource name like \"patients/abc123\""});
        } else {
          call.AuditResource(absl::StrCat(parent, "/sessions"), parent);
        }
        SessionQuery query;
        if (!request->plan().empty() && !patient_id.empty()) {
          query.plan_id =
              IdFromName(request->plan(), absl::StrCat(parent, "/plans"));
          if (query.plan_id.empty()) {
            violations.push_back(
                {"plan", absl::StrCat("must be a plan of ", parent)});
          }
        }
        if (request->has_start_time() &&
            CheckTimestamp("start_time", request->start_time(), violations)) {
          query.start_time = FromProtoTime(request->start_time());
        }
        if (request->has_end_time() &&
            CheckTimestamp("end_time", request->end_time(), violations)) {
          query.end_time = FromProtoTime(request->end_time());
        }
        if (query.start_time && query.end_time &&
            *query.end_time < *query.start_time) {
          violations.push_back({"end_time", "must not be before start_time"});
        }
        auto page_size = EffectivePageSize(request->page_size());
        if (!page_size.ok()) {
          violations.push_back({"page_size", "must not be negative"});
        }
        if (!violations.empty()) return InvalidArgumentError(violations);
        const std::string fingerprint = ListFingerprint(*request);
        CB_ASSIGN_OR_RETURN(
            std::optional<PageCursor> cursor,
            DecodePageToken(request->page_token(), fingerprint));
        query.clinic_id = call.principal().clinic_id;
        query.patient_id = patient_id;
        query.limit = *page_size + 1;
        if (cursor) {
          query.after_performed_at = absl::FromUnixMicros(cursor->last_key);
          query.after_id = cursor->last_id;
        }
        CB_ASSIGN_OR_RETURN(std::vector<StoredSession> found,
                            sessions_->List(query, call.deadline()));
        if (found.empty() && !cursor) {
          CB_RETURN_IF_ERROR(sources_->CheckPatient(call.caller(), patient_id));
        }
        const bool more = static_cast<int>(found.size()) > *page_size;
        if (more) found.resize(*page_size);
        for (const StoredSession& s : found) {
          CB_ASSIGN_OR_RETURN(*response->add_sessions(), Render(s));
        }
        if (more) {
          response->set_next_page_token(EncodePageToken(
              {ToMicros(found.back().performed_at), found.back().id},
              fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* ProgressServiceImpl::UpdateSession(
    grpc::CallbackServerContext* context,
    const v1::UpdateSessionRequest* request, v1::Session* response) {
  return kit_->Unary(
      context, request, kUpdateSession,
      [=, this](RpcCall& call) -> absl::Status {
        const v1::Session& in = request->session();
        const auto ref = ParseSessionName(in.name());
        if (!ref) return BadSessionName("session.name", in.name());
        call.AuditResource(in.name(), PatientName(ref->patient_id));
        FieldViolations violations;
        bool set_24h = false;
        bool set_notes = false;
        if (request->update_mask().paths_size() == 0) {
          set_24h = set_notes = true;
        }
        for (const std::string& path : request->update_mask().paths()) {
          if (path == "pain_after_24h") {
            set_24h = true;
          } else if (path == "notes") {
            set_notes = true;
          } else {
            violations.push_back(
                {"update_mask",
                 absl::StrCat("cannot update \"", path,
                              "\": only pain_after_24h and notes")});
          }
        }
        if (set_24h && in.has_pain_after_24h()) {
          CheckScale("session.pain_after_24h", in.pain_after_24h(), violations);
        }
        if (set_notes) {
          CheckOptionalText("session.notes", in.notes(), 2000, violations);
        }
        int etag = 0;
        if (!in.etag().empty() && !absl::SimpleAtoi(in.etag(), &etag)) {
          violations.push_back({"session.etag", "not an etag of this API"});
        }
        if (!violations.empty()) return InvalidArgumentError(violations);

        UpdateSessionInput input;
        input.patient_id = ref->patient_id;
        input.session_id = ref->id;
        if (!in.etag().empty()) input.etag = etag;
        if (set_24h) {
          input.pain_after_24h = in.has_pain_after_24h()
                                     ? std::optional<int>(in.pain_after_24h())
                                     : std::nullopt;
        }
        if (set_notes) input.notes = in.notes();
        CB_ASSIGN_OR_RETURN(StoredSession updated,
                            use_cases_.update_session->Run(call.caller(), input,
                                                           call.Change()));
        CB_ASSIGN_OR_RETURN(*response, Render(updated));
        return absl::OkStatus();
      });
}

}  // namespace corebalance::progress
