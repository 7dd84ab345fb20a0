// AccessInternalService's RPCs.

#include <map>

#include "absl/strings/str_cat.h"
#include "services/access/access_internal_service.h"
#include "services/access/convert.h"
#include "services/access/names.h"
#include "services/common/errors.h"
#include "services/common/principal_proto.h"
#include "services/common/sha256.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/common/validation.h"
#include "services/outbox/audit_bounds.h"

namespace corebalance::access {
namespace {

constexpr MethodSpec kIntrospectToken{
    "corebalance.v1.AccessInternalService/IntrospectToken",
    Permission::kAuthenticated, false, /*internal=*/true};
constexpr MethodSpec kWriteAuditEvents{
    "corebalance.v1.AccessInternalService/WriteAuditEvents",
    Permission::kAuthenticated, false, /*internal=*/true};
constexpr MethodSpec kLookupStaffMember{
    "corebalance.v1.AccessInternalService/LookupStaffMember",
    Permission::kAuthenticated, false, /*internal=*/true};

v1::CallerIdentity IdentityOf(const TokenPrincipal& found) {
  Principal p;
  p.clinic_id = found.clinic.id;
  p.clinic_display_name = found.clinic.display_name;
  p.api_token = ApiTokenName(found.token.id);
  p.scopes = found.token.scopes;
  if (found.staff) {
    // A staff token acts with the member's current role.
    p.name = StaffMemberName(found.staff->id);
    p.display_name = found.staff->display_name;
    p.role = found.staff->role;
  } else {
    p.name = p.api_token;
    p.display_name = found.token.display_name;
    p.role = v1::ROLE_INTEGRATION;
  }
  return IdentityFromPrincipal(p);
}

AuditRow RowOf(const v1::AuditRecord& record) {
  v1::AuditEvent e = record.event();
  // Whatever a sender did, no field exceeds its column.
  outbox::BoundAuditEvent(e);
  AuditRow row;
  row.source = record.source();
  row.source_seq = record.source_seq();
  row.event_id = record.event_id();
  if (record.has_record_time()) {
    row.event_time = FromProtoTime(record.record_time());
  }
  row.actor = e.actor();
  row.actor_role = e.actor_role();
  row.action = e.action();
  row.resource = e.resource();
  row.patient = e.patient();
  row.outcome = e.outcome();
  row.status_code = e.status_code();
  row.request_id = e.request_id();
  row.peer = e.peer();
  return row;
}

}  // namespace

grpc::ServerUnaryReactor* AccessInternalServiceImpl::IntrospectToken(
    grpc::CallbackServerContext* context,
    const v1::IntrospectTokenRequest* request,
    v1::IntrospectTokenResponse* response) {
  return kit_->Unary(
      context, request, kIntrospectToken,
      [=, this](RpcCall& call) -> absl::Status {
        CB_ASSIGN_OR_RETURN(
            auto found, access_->FindActiveToken(Sha256Hex(request->token()),
                                                 NowMicros(), call.deadline()));
        response->set_active(found.has_value());
        if (found) *response->mutable_identity() = IdentityOf(*found);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessInternalServiceImpl::WriteAuditEvents(
    grpc::CallbackServerContext* context,
    const v1::WriteAuditEventsRequest* request,
    v1::WriteAuditEventsResponse* response) {
  return kit_->Unary(
      context, request, kWriteAuditEvents,
      [=, this](RpcCall& call) -> absl::Status {
        using Result = v1::WriteAuditEventsResponse::Result;
        const int n = request->records_size();
        std::vector<std::string> names(n);
        std::vector<Result> results(n);
        auto reject = [&](int i, std::string problem) {
          results[i].set_outcome(Result::OUTCOME_REJECTED);
          results[i].set_problem(std::move(problem));
        };
        // Group by clinic, keeping request order within each chain. A bad
        // record is refused on its own; the others go on.
        std::map<int64_t, std::vector<int>> by_clinic;
        for (int i = 0; i < n; ++i) {
          const int64_t clinic_id =
              ClinicIdFromName(request->records(i).clinic());
          const v1::AuditRecord& r = request->records(i);
          if (clinic_id == 0) {
            reject(i, "clinic must be a clinic name like \"clinics/1\"");
          } else if (r.source().size() > 20 || r.event_id().size() > 32 ||
                     (!r.source().empty() && r.source_seq() <= 0)) {
            reject(i,
                   "source (at most 20 characters) needs a source_seq "
                   "from 1, event_id at most 32 characters");
          } else {
            by_clinic[clinic_id].push_back(i);
          }
        }
        for (const auto& [clinic_id, indexes] : by_clinic) {
          auto append = [&](const std::vector<int>& which) {
            std::vector<AuditRow> rows;
            for (int i : which) rows.push_back(RowOf(request->records(i)));
            return audit_->Append(clinic_id, std::move(rows), call.deadline());
          };
          auto record = [&](const std::vector<int>& which,
                            const std::vector<int64_t>& seqs) {
            for (size_t k = 0; k < which.size(); ++k) {
              if (seqs[k] == 0) {
                results[which[k]].set_outcome(Result::OUTCOME_DUPLICATE);
              } else {
                results[which[k]].set_outcome(Result::OUTCOME_APPENDED);
                names[which[k]] = absl::StrCat("auditEvents/", seqs[k]);
              }
            }
          };
          auto seqs = append(indexes);
          if (seqs.ok()) {
            record(indexes, *seqs);
            continue;
          }
          // The log itself is down: the relay retries the whole batch.
          if (IsTransientFailure(seqs.status())) return seqs.status();
          // Something in the batch is refused: one by one, so only the
          // record at fault is set aside.
          for (int i : indexes) {
            auto one = append({i});
            if (one.ok()) {
              record({i}, *one);
            } else if (IsTransientFailure(one.status())) {
              return one.status();
            } else {
              reject(i, absl::IsNotFound(one.status())
                            ? "the clinic has no audit log"
                            : "the audit log refused the record");
            }
          }
        }
        for (int i = 0; i < n; ++i) {
          response->add_names(std::move(names[i]));
          *response->add_results() = std::move(results[i]);
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AccessInternalServiceImpl::LookupStaffMember(
    grpc::CallbackServerContext* context,
    const v1::LookupStaffMemberRequest* request, v1::StaffMember* response) {
  return kit_->Unary(
      context, request, kLookupStaffMember,
      [=, this](RpcCall& call) -> absl::Status {
        FieldViolations violations;
        const int64_t clinic_id = ClinicIdFromName(request->clinic());
        if (clinic_id == 0) {
          violations.push_back(
              {"clinic", "must be a clinic name like \"clinics/1\""});
        }
        const std::string id = IdFromName(request->name(), "staffMembers");
        if (id.empty()) {
          violations.push_back(
              {"name", "must be a resource name like \"staffMembers/abc123\""});
        }
        if (!violations.empty()) return InvalidArgumentError(violations);
        CB_ASSIGN_OR_RETURN(StaffRecord staff,
                            access_->GetStaff(clinic_id, id, call.deadline()));
        *response = ToProto(staff);
        return absl::OkStatus();
      });
}

}  // namespace corebalance::access
