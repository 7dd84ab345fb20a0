#include "bench/rawdb/with_audit.h"

#include "absl/time/clock.h"
#include "corebalance/v1/access.pb.h"
#include "services/outbox/outbox_store.h"

namespace corebalance::bench {
namespace {

class Audited final : public RawOperation {
 public:
  Audited(std::unique_ptr<RawOperation> inner, store::Pool* pool,
          int64_t clinic_id, std::string service, std::string action)
      : inner_(std::move(inner)),
        pool_(pool),
        outbox_(std::move(service)),
        clinic_id_(clinic_id),
        action_(std::move(action)) {}

  absl::Status Run(Rng& rng) override {
    if (absl::Status s = inner_->Run(rng); !s.ok()) return s;
    v1::AuditEvent event;
    event.set_actor("staffMembers/bench");
    event.set_actor_role(v1::ROLE_PRACTITIONER);
    event.set_action(action_);
    event.set_resource("patients/bench");
    event.set_patient("patients/bench");
    event.set_outcome(v1::AuditEvent::OUTCOME_SUCCESS);
    event.set_status_code("OK");
    event.set_request_id(FreshRequestId());
    event.set_peer("corebalance-bench-rawdb");
    return outbox_.AppendAuditNow(*pool_, absl::Now() + absl::Seconds(10),
                                  clinic_id_, {std::move(event)});
  }

  std::vector<std::string> Notes() const override {
    std::vector<std::string> notes = inner_->Notes();
    notes.push_back(
        "plus its audit event committed to the service's outbox "
        "(OutboxStore::AppendAuditNow)");
    return notes;
  }

 private:
  std::unique_ptr<RawOperation> inner_;
  store::Pool* pool_;
  const outbox::OutboxStore outbox_;
  const int64_t clinic_id_;
  const std::string action_;
};

}  // namespace

std::unique_ptr<RawOperation> WithAudit(std::unique_ptr<RawOperation> inner,
                                        store::Pool* pool, int64_t clinic_id,
                                        std::string service,
                                        std::string action) {
  return std::make_unique<Audited>(std::move(inner), pool, clinic_id,
                                   std::move(service), std::move(action));
}

}  // namespace corebalance::bench
