#include "bench/rawdb/with_audit.h"

#include "absl/time/clock.h"
#include "corebalance/v1/access.pb.h"
#include "services/access/audit_store.h"

namespace corebalance::bench {
namespace {

class Audited final : public RawOperation {
 public:
  Audited(std::unique_ptr<RawOperation> inner, store::Pool* pool,
          int64_t clinic_id, std::string action)
      : inner_(std::move(inner)),
        audit_(pool),
        clinic_id_(clinic_id),
        action_(std::move(action)) {}

  absl::Status Run(Rng& rng) override {
    if (absl::Status s = inner_->Run(rng); !s.ok()) return s;
    access::AuditRow row;
    row.actor = "staffMembers/bench";
    row.actor_role = v1::ROLE_PRACTITIONER;
    row.action = action_;
    row.resource = "patients/bench";
    row.patient = "patients/bench";
    row.outcome = v1::AuditEvent::OUTCOME_SUCCESS;
    row.status_code = "OK";
    row.request_id = FreshRequestId();
    row.peer = "corebalance-bench-rawdb";
    return audit_
        .Append(clinic_id_, {std::move(row)}, absl::Now() + absl::Seconds(10))
        .status();
  }

  std::vector<std::string> Notes() const override {
    std::vector<std::string> notes = inner_->Notes();
    notes.push_back(
        "with --audit: plus one audit append per call (AuditStore::Append)");
    return notes;
  }

 private:
  std::unique_ptr<RawOperation> inner_;
  access::AuditStore audit_;
  const int64_t clinic_id_;
  const std::string action_;
};

}  // namespace

std::unique_ptr<RawOperation> WithAudit(std::unique_ptr<RawOperation> inner,
                                        store::Pool* pool, int64_t clinic_id,
                                        std::string action) {
  return std::make_unique<Audited>(std::move(inner), pool, clinic_id,
                                   std::move(action));
}

}  // namespace corebalance::bench
