#ifndef COREBALANCE_SERVICES_PROGRESS_PROGRESS_SERVICE_H_
#define COREBALANCE_SERVICES_PROGRESS_PROGRESS_SERVICE_H_

// corebalance.v1.ProgressService. Handlers in handlers/: session_handlers.cc,
// summary_handlers.cc, alert_handlers.cc, alert_watch_handlers.cc. Writes
// and the summary go through the use cases in use_cases/; plain reads go to
// the repositories directly.

#include "corebalance/v1/progress.grpc.pb.h"
#include "services/common/service_kit.h"
#include "services/progress/alert_feed.h"
#include "services/progress/policy.h"
#include "services/progress/repositories/alert_repository.h"
#include "services/progress/repositories/session_repository.h"
#include "services/progress/source_reads.h"
#include "services/progress/use_cases/acknowledge_alert.h"
#include "services/progress/use_cases/log_session.h"
#include "services/progress/use_cases/summarize_progress.h"
#include "services/progress/use_cases/update_session.h"

namespace corebalance::progress {

class ProgressServiceImpl final : public v1::ProgressService::CallbackService {
 public:
  // The workflows behind the RPCs that do more than read.
  struct UseCases {
    progress::LogSession* log_session;
    progress::UpdateSession* update_session;
    progress::AcknowledgeAlert* acknowledge_alert;
    SummarizeProgress* summarize;
  };

  // `sources`: whether a patient exists, for a patient's empty list.
  ProgressServiceImpl(ServiceKit* kit, SessionRepository* sessions,
                      AlertRepository* alerts, AlertFeed* feed,
                      SourceReads* sources, UseCases use_cases,
                      ProgressRules rules)
      : kit_(kit),
        sessions_(sessions),
        alerts_(alerts),
        feed_(feed),
        sources_(sources),
        use_cases_(use_cases),
        rules_(rules) {}

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
  // What WatchAlerts needs of its caller, for the feed to check again.
  static const MethodSpec& WatchAlertsSpec();
  grpc::ServerWriteReactor<v1::WatchAlertsResponse>* WatchAlerts(
      grpc::CallbackServerContext* context,
      const v1::WatchAlertsRequest* request) override;

 private:
  // The session for the API, its reasons classified again.
  absl::StatusOr<v1::Session> Render(const StoredSession& session) const;

  ServiceKit* kit_;
  SessionRepository* sessions_;
  AlertRepository* alerts_;
  AlertFeed* feed_;
  SourceReads* sources_;
  const UseCases use_cases_;
  const ProgressRules rules_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_PROGRESS_SERVICE_H_
