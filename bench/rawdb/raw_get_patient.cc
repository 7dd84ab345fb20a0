#include "bench/rawdb/raw_get_patient.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/rawdb/with_audit.h"
#include "services/intake/repositories/patient_repository.h"

namespace corebalance::bench {
namespace {

class RawGetPatient final : public RawOperation {
 public:
  RawGetPatient(store::Pool* pool, int64_t clinic_id,
                std::vector<SeedPatient> patients)
      : patients_store_(pool),
        clinic_id_(clinic_id),
        patients_(std::move(patients)) {}

  absl::Status Run(Rng& rng) override {
    const SeedPatient& patient = patients_[rng() % patients_.size()];
    return patients_store_
        .Get(clinic_id_, patient.patient_id, absl::Now() + absl::Seconds(10))
        .status();
  }

  std::vector<std::string> Notes() const override {
    return {"GetPatient's SELECT through PatientRepository::Get",
            "not included: authentication, gRPC"};
  }

 private:
  intake::PatientRepository patients_store_;
  const int64_t clinic_id_;
  const std::vector<SeedPatient> patients_;
};

}  // namespace

std::unique_ptr<RawOperation> NewRawGetPatient(
    store::Pool* pool, int64_t clinic_id, std::vector<SeedPatient> patients) {
  // A read's disclosure is part of its durable work: always written.
  return WithAudit(
      std::make_unique<RawGetPatient>(pool, clinic_id, std::move(patients)),
      pool, clinic_id, "intake", "corebalance.v1.IntakeService/GetPatient");
}

}  // namespace corebalance::bench
