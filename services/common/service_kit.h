#ifndef COREBALANCE_SERVICES_COMMON_SERVICE_KIT_H_
#define COREBALANCE_SERVICES_COMMON_SERVICE_KIT_H_

// The path every unary RPC takes between gRPC and a handler: off the gRPC
// thread onto the service's worker pool, authenticate, check the method's
// permission and the request's bounds, run the handler, audit, log one line,
// map errors (AIP-193). Handlers stay thin: request in, domain call,
// response out.
//
// Audit: a write's event commits with its change (RpcCall::Change, passed to
// the use case, which commits it through outbox/transactions.h). Any other
// audited call's event (a read's disclosure, a refusal) is written to the
// service's outbox here, and for a successful read before the answer leaves: if
// that fails, the call fails.

#include <google/protobuf/message.h>
#include <grpcpp/server_context.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "services/common/authenticator.h"
#include "services/common/caller.h"
#include "services/common/grpc_status.h"
#include "services/common/permissions.h"
#include "services/common/worker_pool.h"
#include "services/outbox/audit_bounds.h"
#include "services/outbox/outbox.h"
#include "services/outbox/outbox_event.h"
#include "services/store/request_ids.h"

namespace corebalance {

// The metadata entry a caller may name its request with (logged, audited).
inline constexpr char kRequestIdHeader[] = "x-request-id";
// Longer `name` and `parent` fields are refused before any work.
inline constexpr size_t kMaxResourceNameChars = 200;
using outbox::kMaxRequestIdChars;

// What a method needs; one constant per RPC, next to its handler.
struct MethodSpec {
  // Full name, e.g. "corebalance.v1.AccessService/ListStaffMembers".
  const char* name;
  Permission permission;
  // Audited methods append an audit event, also when refused.
  bool audited;
  // Internal methods authenticate with the internal key instead of a token.
  bool internal = false;
};

// The caller and the call, as a handler sees them.
class RpcCall {
 public:
  RpcCall(grpc::CallbackServerContext* context, absl::Time deadline,
          const MethodSpec& spec, const google::protobuf::Message* request)
      : context_(context),
        deadline_(deadline),
        spec_(spec),
        request_(request) {}

  const Principal& principal() const { return principal_; }
  absl::Time deadline() const { return deadline_; }
  grpc::CallbackServerContext* context() const { return context_; }
  const std::string& request_id() const { return request_id_; }
  // Another service of this deployment calling on behalf of its own caller
  // (see peer_call.h): audited there, not again here.
  bool peer_call() const { return peer_call_; }

  // What the audit event names: the resource acted on and, when it holds a
  // patient's data, the patient.
  void AuditResource(std::string resource, std::string patient = {}) {
    audit_resource_ = std::move(resource);
    audit_patient_ = std::move(patient);
  }
  void SetRequestId(std::string id) {
    if (!id.empty()) request_id_ = std::move(id);
  }

  // For a write: the call's audit event (as AuditResource names it now) and
  // room for domain events, to hand to the use case, which commits them with
  // the change. Name the resource first (a use case may name the created
  // resource itself).
  outbox::ChangeEvents& Change();
  // A list call that showed several patients' records: one more disclosure
  // event per patient, written with the call's own event.
  void Disclose(std::vector<std::string> patients) {
    disclosed_ = std::move(patients);
  }
  // The AIP-155 key of a create under `parent`: clinic, method, the
  // request's request_id and a fingerprint of the rest of the request.
  store::RequestKey IdempotencyKey(const std::string& parent) const;
  // The caller as a use case sees it.
  Caller caller() const;

 private:
  friend class ServiceKit;
  grpc::CallbackServerContext* context_;
  absl::Time deadline_;
  const MethodSpec& spec_;
  const google::protobuf::Message* request_;
  outbox::ChangeEvents change_;
  std::vector<std::string> disclosed_;
  Principal principal_;
  bool peer_call_ = false;
  std::string request_id_;
  std::string audit_resource_;
  std::string audit_patient_;
};

class ServiceKit {
 public:
  struct Options {
    // Used when the client sets no deadline, and as an upper bound.
    absl::Duration max_deadline = absl::Seconds(30);
  };

  ServiceKit(WorkerPool* pool, std::string internal_key, Options options);

  // Connects the kit to the access service (authentication) and to the
  // service's outbox (audit). Calls wait for it, since the in-process channel
  // to a co-hosted access service exists only once the server has started.
  void Wire(Authenticator* authenticator, outbox::Outbox* outbox);

  // `request` names the resource (its `name`, `parent`, or the `name` of
  // its resource field) so that refused calls are audited against it too;
  // a handler may name it more precisely with RpcCall::AuditResource.
  template <typename Handler>
  grpc::ServerUnaryReactor* Unary(grpc::CallbackServerContext* context,
                                  const google::protobuf::Message* request,
                                  const MethodSpec& spec, Handler handler) {
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    const bool queued =
        pool_->TrySubmit([this, context, request, reactor, &spec,
                          handler = std::move(handler)]() mutable {
          reactor->Finish(Run(context, request, spec, handler));
        });
    if (!queued) reactor->Finish(Overloaded(spec));
    return reactor;
  }
  // For server-streaming methods: `open` runs the way a unary handler does
  // (worker pool, authentication, permission, audit of the opening, one log
  // line) and prepares the stream; then `opened` gets the outcome: OK to
  // start streaming, else the status to finish the call with.
  template <typename Open, typename Opened>
  void OpenStream(grpc::CallbackServerContext* context,
                  const google::protobuf::Message* request,
                  const MethodSpec& spec, Open open, Opened opened) {
    const bool queued = pool_->TrySubmit(
        [this, context, request, &spec, open = std::move(open),
         opened]() mutable { opened(Run(context, request, spec, open)); });
    if (!queued) opened(Overloaded(spec));
  }
  // Whether the token in `authorization` (a stream's "Bearer ..." header)
  // may still call `spec`: OK, or UNAUTHENTICATED (revoked, expired, its
  // staff member disabled), PERMISSION_DENIED, UNAVAILABLE when the access
  // service cannot say. Through the token cache, so a check made every
  // --auth-cache-ttl asks the access service each time.
  absl::Status Recheck(const std::string& authorization,
                       const MethodSpec& spec);
  // The audit event of `call` with `outcome`, every field within its bound.
  static v1::AuditEvent EventOf(const RpcCall& call,
                                const absl::Status& outcome);

  // For methods whose request names no resource.
  template <typename Handler>
  grpc::ServerUnaryReactor* Unary(grpc::CallbackServerContext* context,
                                  const MethodSpec& spec, Handler handler) {
    return Unary(context, nullptr, spec, std::move(handler));
  }

 private:
  grpc::Status Run(grpc::CallbackServerContext* context,
                   const google::protobuf::Message* request,
                   const MethodSpec& spec,
                   absl::FunctionRef<absl::Status(RpcCall&)> handler);
  absl::Status Admit(grpc::CallbackServerContext* context,
                     const MethodSpec& spec, RpcCall& call);
  // Writes the call's audit event unless its change committed it already.
  absl::Status Audit(const RpcCall& call, const absl::Status& outcome);
  grpc::Status Overloaded(const MethodSpec& spec);

  WorkerPool* pool_;
  absl::Notification wired_;
  Authenticator* authenticator_ = nullptr;
  outbox::Outbox* outbox_ = nullptr;
  const std::string internal_key_;
  const Options options_;
};

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_SERVICE_KIT_H_
