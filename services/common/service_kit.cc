#include "services/common/service_kit.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "services/common/errors.h"
#include "services/common/internal_detail.h"
#include "services/common/logging.h"
#include "services/common/peer_call.h"
#include "services/common/principal_proto.h"
#include "services/common/request_headers.h"
#include "services/common/sha256.h"
#include "services/outbox/audit_bounds.h"

namespace corebalance {
namespace {

// "ipv4:10.0.0.7:52114" -> "ipv4:10.0.0.7", "ipv6:[::1]:1234" -> "ipv6:[::1]":
// a client's address without its (per connection) port.
std::string ClientAddress(const std::string& peer) {
  const size_t colon = peer.rfind(':');
  const bool has_port =
      (absl::StartsWith(peer, "ipv4:") &&
       colon > std::string("ipv4:").size()) ||
      (absl::StartsWith(peer, "ipv6:") && colon != 0 && peer[colon - 1] == ']');
  return has_port ? peer.substr(0, colon) : peer;
}

std::string Metadata(grpc::CallbackServerContext* context,
                     absl::string_view key) {
  const auto& md = context->client_metadata();
  auto it = md.find(grpc::string_ref(key.data(), key.size()));
  if (it == md.end()) return {};
  return std::string(it->second.data(), it->second.size());
}

std::string BearerToken(grpc::CallbackServerContext* context) {
  return BearerTokenOf(Metadata(context, "authorization"));
}

absl::Status NotAllowed(const Principal& principal, const MethodSpec& spec) {
  return absl::PermissionDeniedError(absl::StrCat(
      "role ", v1::Role_Name(principal.role), " may not call ", spec.name,
      " (needs ", PermissionName(spec.permission), ")"));
}

// A string field's value when `message` has it singular, else empty.
std::string StringField(const google::protobuf::Message& message,
                        const char* field) {
  const auto* f = message.GetDescriptor()->FindFieldByName(field);
  if (f == nullptr || f->is_repeated() ||
      f->type() != google::protobuf::FieldDescriptor::TYPE_STRING) {
    return {};
  }
  return message.GetReflection()->GetString(message, f);
}

// Calls fn(path, value) for each resource name a request carries, in this
// order: its `name`, its `parent`, and the `name` of each resource field
// set (e.g. UpdatePatientRequest.patient.name as "patient.name").
template <typename Fn>
void ForEachResourceName(const google::protobuf::Message& request, Fn fn) {
  for (const char* field : {"name", "parent"}) {
    fn(std::string(field), StringField(request, field));
  }
  const auto* descriptor = request.GetDescriptor();
  const auto* reflection = request.GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const auto* f = descriptor->field(i);
    if (f->type() != google::protobuf::FieldDescriptor::TYPE_MESSAGE ||
        f->is_repeated() || !reflection->HasField(request, f)) {
      continue;
    }
    fn(absl::StrCat(f->name(), ".name"),
       StringField(reflection->GetMessage(request, f), "name"));
  }
}

// The resource a request is about: the first name ForEachResourceName finds.
std::string ResourceNamed(const google::protobuf::Message& request) {
  std::string found;
  ForEachResourceName(request,
                      [&](const std::string&, const std::string& value) {
                        if (found.empty()) found = value;
                      });
  return found;
}

// "patients/{id}" when `resource` is a patient or lies below one.
std::string PatientOf(absl::string_view resource) {
  if (!absl::StartsWith(resource, "patients/")) return {};
  const size_t end = resource.find('/', std::string("patients/").size());
  absl::string_view patient = resource.substr(0, end);
  if (patient == "patients/-") return {};
  return std::string(patient);
}

v1::AuditEvent::Outcome OutcomeOf(const absl::Status& status) {
  if (status.ok()) return v1::AuditEvent::OUTCOME_SUCCESS;
  if (status.code() == absl::StatusCode::kPermissionDenied ||
      status.code() == absl::StatusCode::kUnauthenticated) {
    return v1::AuditEvent::OUTCOME_DENIED;
  }
  return v1::AuditEvent::OUTCOME_FAILED;
}

// Resource names and request ids over their bound are refused before any
// work, naming the field (and without echoing the value).
absl::Status CheckBounds(const google::protobuf::Message* request,
                         const std::string& header_request_id) {
  FieldViolations violations;
  auto check = [&](const std::string& field, size_t size, size_t max) {
    if (size > max) {
      violations.push_back({field, absl::StrCat("is too long: ", size,
                                                " characters, at most ", max)});
    }
  };
  check(kRequestIdHeader, header_request_id.size(), kMaxRequestIdChars);
  if (request != nullptr) {
    check("request_id", StringField(*request, "request_id").size(),
          kMaxRequestIdChars);
    ForEachResourceName(*request,
                        [&](const std::string& path, const std::string& value) {
                          check(path, value.size(), kMaxResourceNameChars);
                        });
  }
  if (violations.empty()) return absl::OkStatus();
  return InvalidArgumentError(violations);
}

// The caller gets a plain message (ToGrpcStatus); what lies behind it is
// logged here, once per call: INTERNAL and UNKNOWN errors, and any status
// with an internal detail (a database's text, internal_detail.h).
void LogFailure(const MethodSpec& spec, const RpcCall& call,
                const absl::Status& status) {
  const bool internal = status.code() == absl::StatusCode::kInternal ||
                        status.code() == absl::StatusCode::kUnknown;
  const std::string detail = InternalDetail(status);
  if (!internal && detail.empty()) return;
  (internal ? log::Error : log::Warn)(
      internal ? "rpc_internal_error" : "rpc_error_detail",
      {{"method", spec.name},
       {"request_id", call.request_id()},
       {"code", absl::StatusCodeToString(status.code())},
       {"error", std::string(status.message())},
       {"detail", detail}});
}

}  // namespace

outbox::ChangeEvents& RpcCall::Change() {
  // Afresh for each try of an optimistic-retry loop.
  change_.domain.clear();
  change_.extra_audit.clear();
  change_.clinic_id = principal_.clinic_id;
  change_.audit = ServiceKit::EventOf(*this, absl::OkStatus());
  return change_;
}

Caller RpcCall::caller() const {
  return {principal_.clinic_id, principal_.name,
          ForwardedAuthorization(*context_), request_id_, deadline_};
}

store::RequestKey RpcCall::IdempotencyKey(const std::string& parent) const {
  store::RequestKey key;
  key.clinic_id = principal_.clinic_id;
  key.method = spec_.name;
  key.parent = parent;
  if (request_ != nullptr) {
    key.request_id = StringField(*request_, "request_id");
    // The request as sent, but for its request id.
    std::unique_ptr<google::protobuf::Message> copy(request_->New());
    copy->CopyFrom(*request_);
    if (const auto* f = copy->GetDescriptor()->FindFieldByName("request_id")) {
      copy->GetReflection()->ClearField(copy.get(), f);
    }
    std::string bytes;
    google::protobuf::io::StringOutputStream out(&bytes);
    google::protobuf::io::CodedOutputStream coded(&out);
    coded.SetSerializationDeterministic(true);
    copy->SerializeToCodedStream(&coded);
    coded.Trim();
    key.fingerprint = Sha256Hex(bytes);
  }
  return key;
}

v1::AuditEvent ServiceKit::EventOf(const RpcCall& call,
                                   const absl::Status& outcome) {
  v1::AuditEvent event;
  event.set_actor(call.principal_.name);
  event.set_actor_role(call.principal_.role);
  event.set_action(call.spec_.name);
  event.set_resource(call.audit_resource_);
  event.set_patient(call.audit_patient_);
  event.set_outcome(OutcomeOf(outcome));
  event.set_status_code(absl::StatusCodeToString(outcome.code()));
  event.set_request_id(call.request_id_);
  event.set_peer(call.context_->peer());
  outbox::BoundAuditEvent(event);
  return event;
}

ServiceKit::ServiceKit(WorkerPool* pool, std::string internal_key,
                       Options options)
    : pool_(pool), internal_key_(std::move(internal_key)), options_(options) {}

void ServiceKit::Wire(Authenticator* authenticator, outbox::Outbox* outbox) {
  authenticator_ = authenticator;
  outbox_ = outbox;
  wired_.Notify();
}

grpc::Status ServiceKit::Run(
    grpc::CallbackServerContext* context,
    const google::protobuf::Message* request, const MethodSpec& spec,
    absl::FunctionRef<absl::Status(RpcCall&)> handler) {
  const absl::Time start = absl::Now();
  const absl::Time deadline = std::min(absl::FromChrono(context->deadline()),
                                       start + options_.max_deadline);
  RpcCall call(context, deadline, spec, request);
  const std::string header_request_id = Metadata(context, kRequestIdHeader);
  // Bounded here; an over-long one is refused below.
  call.request_id_ = outbox::Bounded(header_request_id, kMaxRequestIdChars);
  if (request != nullptr) {
    std::string resource = ResourceNamed(*request);
    std::string patient = PatientOf(resource);
    call.AuditResource(std::move(resource), std::move(patient));
  }

  absl::Status status;
  if (deadline <= start || context->IsCancelled()) {
    // It waited in the queue until nobody waits for its answer: no work for
    // it, not even authentication.
    status = absl::DeadlineExceededError(
        "the call's deadline passed before the server could start it");
  } else if (!wired_.WaitForNotificationWithDeadline(deadline)) {
    status = absl::UnavailableError("server is starting: try again");
  } else {
    status = Admit(context, spec, call);
  }
  if (status.ok()) status = CheckBounds(request, header_request_id);
  const bool admitted = status.ok();
  if (admitted) {
    if (context->IsCancelled()) {
      status = absl::CancelledError("the client cancelled the call");
    } else {
      status = handler(call);
    }
  }
  // Refusals are audited too; unauthenticated calls have no clinic to file
  // them under and appear in the request log only.
  if (spec.audited && call.principal_.clinic_id != 0 && !call.peer_call_) {
    absl::Status audited = Audit(call, status);
    if (!audited.ok()) {
      log::Error("audit_write_failed", {{"method", spec.name},
                                        {"request_id", call.request_id_},
                                        {"error", MessageAndDetail(audited)}});
      // A read must not answer unaudited; nothing was changed, so the
      // caller may retry. A refusal keeps its own answer.
      if (status.ok()) {
        status = absl::UnavailableError(
            "the audit log cannot record this call right now: try again");
      }
    }
  }
  LogFailure(spec, call, status);
  // Calls between the deployment's own services are detail: debug level.
  const bool quiet = spec.internal || call.peer_call_;
  (quiet ? log::Debug : log::Info)(
      "rpc", {{"method", spec.name},
              {"code", absl::StatusCodeToString(status.code())},
              {"latency_ms", absl::StrFormat("%.2f", absl::ToDoubleMilliseconds(
                                                         absl::Now() - start))},
              {"principal", call.principal_.name},
              {"peer", context->peer()}});
  return ToGrpcStatus(status);
}

absl::Status ServiceKit::Admit(grpc::CallbackServerContext* context,
                               const MethodSpec& spec, RpcCall& call) {
  if (spec.internal) {
    if (internal_key_.empty() ||
        !ConstantTimeEquals(Metadata(context, kInternalKeyHeader),
                            internal_key_)) {
      return absl::UnauthenticatedError(
          "internal method: a valid internal key is required");
    }
    return absl::OkStatus();
  }
  const std::string key = Metadata(context, kInternalKeyHeader);
  call.peer_call_ = !key.empty() && !internal_key_.empty() &&
                    ConstantTimeEquals(key, internal_key_);
  // Our own services are not rate-limited per address; anyone else is.
  auto principal = authenticator_->Authenticate(
      BearerToken(context), call.deadline(),
      call.peer_call_ ? std::string() : ClientAddress(context->peer()));
  if (!principal.ok()) return principal.status();
  call.principal_ = *std::move(principal);
  if (!IsAllowed(call.principal_, spec.permission)) {
    return NotAllowed(call.principal_, spec);
  }
  return absl::OkStatus();
}

absl::Status ServiceKit::Recheck(const std::string& authorization,
                                 const MethodSpec& spec) {
  wired_.WaitForNotification();
  auto principal = authenticator_->Authenticate(BearerTokenOf(authorization),
                                                absl::Now() + absl::Seconds(5));
  if (!principal.ok()) return principal.status();
  if (!IsAllowed(*principal, spec.permission)) {
    return NotAllowed(*principal, spec);
  }
  return absl::OkStatus();
}

absl::Status ServiceKit::Audit(const RpcCall& call,
                               const absl::Status& outcome) {
  // The change committed its own event.
  if (outcome.ok() && call.change_.committed) {
    outbox_->Ring();
    return absl::OkStatus();
  }
  std::vector<v1::AuditEvent> events{EventOf(call, outcome)};
  if (outcome.ok()) {
    for (const std::string& patient : call.disclosed_) {
      v1::AuditEvent& e = events.emplace_back(events.front());
      e.set_resource(patient);
      e.set_patient(patient);
    }
  }
  // Its own short budget, so a refused call near its deadline is still
  // recorded.
  absl::Status written = outbox_->WriteAudit(
      call.principal_.clinic_id, std::move(events),
      std::max(call.deadline(), absl::Now() + absl::Seconds(2)));
  outbox_->Ring();
  return written;
}

grpc::Status ServiceKit::Overloaded(const MethodSpec& spec) {
  log::Warn("rpc_shed", {{"method", spec.name}, {"pool", pool_->name()}});
  return ToGrpcStatus(
      WithReason(absl::ResourceExhaustedError("server busy: try again shortly"),
                 reason::kOverloaded));
}

}  // namespace corebalance
