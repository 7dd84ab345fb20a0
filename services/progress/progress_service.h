#ifndef COREBALANCE_SERVICES_PROGRESS_PROGRESS_SERVICE_H_
#define COREBALANCE_SERVICES_PROGRESS_PROGRESS_SERVICE_H_

// corebalance.v1.ProgressService. Handlers: session_handlers.cc,
// summary_handlers.cc, alert_handlers.cc, alert_watch_handler.cc.

#include "corebalance/v1/progress.grpc.pb.h"
#include "services/common/service_kit.h"
#include "services/progress/alert_feed.h"
#include "services/progress/alert_store.h"
#include "services/progress/catalogue_cache.h"
#include "services/progress/peer_clients.h"
#include "services/progress/policy.h"
#include "services/progress/session_store.h"

namespace corebalance::progress {

class ProgressServiceImpl final : public v1::ProgressService::CallbackService {
 public:
  ProgressServiceImpl(ServiceKit* kit, SessionStore* sessions,
                      AlertStore* alerts, AlertFeed* feed, ProgressRules rules)
      : kit_(kit),
        sessions_(sessions),
        alerts_(alerts),
        feed_(feed),
        rules_(rules) {}

  // The peers, once the server runs; before the kit is wired, so that no
  // call sees them unset.
  void Wire(PeerClients* peers, CatalogueCache* catalogue) {
    peers_ = peers;
    catalogue_ = catalogue;
  }

#define CB_RPC(Method, Request, Response)                                \
  grpc::ServerUnaryReactor* Method(grpc::CallbackServerContext* context, \
                                   const v1::Request* request,           \
                                   v1::Response* response) override;
  CB_RPC(LogSession, LogSessionRequest, Session)
  CB_RPC(GetSession, GetSessionRequest, Session)
  CB_RPC(ListSessions, ListSessionsRequest, ListSessionsResponse)
  CB_RPC(UpdateSession, UpdateSessionRequest, Session)
  CB_RPC(GetProgressSummary, GetProgressSummaryRequest, ProgressSummary)
  CB_RPC(ListAlerts, ListAlertsRequest, ListAlertsResponse)
  CB_RPC(AcknowledgeAlert, AcknowledgeAlertRequest, Alert)
#undef CB_RPC
  grpc::ServerWriteReactor<v1::WatchAlertsResponse>* WatchAlerts(
      grpc::CallbackServerContext* context,
      const v1::WatchAlertsRequest* request) override;

 private:
  // Raises the PAIN_FLARE and WORSENING alerts the patient's recent sessions
  // call for (once per cause), after a session was logged or updated.
  absl::Status RaiseSessionAlerts(const RpcCall& call,
                                  const std::string& patient_id);
  // RaiseSessionAlerts once the session committed: a failure is logged,
  // never answered (the call's change stands).
  void RaiseAfterCommit(const RpcCall& call, const std::string& patient_id);
  // The session for the API, its reasons classified again.
  absl::StatusOr<v1::Session> Render(const StoredSession& session) const;

  ServiceKit* kit_;
  SessionStore* sessions_;
  AlertStore* alerts_;
  AlertFeed* feed_;
  const ProgressRules rules_;
  PeerClients* peers_ = nullptr;
  CatalogueCache* catalogue_ = nullptr;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_PROGRESS_SERVICE_H_
