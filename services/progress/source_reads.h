#ifndef COREBALANCE_SERVICES_PROGRESS_SOURCE_READS_H_
#define COREBALANCE_SERVICES_PROGRESS_SOURCE_READS_H_

// What logging, summaries and alerts read from intake and prescription
// (README "Progress keeps a copy of what it reads"): progress's own copy,
// confirmed current for the call when the source answers in time
// (read-your-writes: a plan adjusted before the call arrived is the one
// used), else the copy as it is, with its lag reported. What the copy
// lacks (a patient or plan it has not seen yet) takes one peer call, so a
// copy that is behind never answers NOT_FOUND for something that exists.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "corebalance/v1/intake.pb.h"
#include "corebalance/v1/prescription.pb.h"
#include "services/common/caller.h"
#include "services/peers/intake_client.h"
#include "services/peers/prescription_client.h"
#include "services/progress/repositories/copy_repository.h"
#include "services/progress/source_feed.h"

namespace corebalance::progress {

class SourceReads {
 public:
  // `wait`: how long a call waits at most for the copy to catch up.
  SourceReads(CopyRepository* copy, absl::Duration wait)
      : copy_(copy), wait_(wait) {}
  // Set once the server runs (the in-process channels exist only then).
  void Wire(SourceFeed* intake_feed, SourceFeed* prescription_feed,
            peers::IntakeClient* intake,
            peers::PrescriptionClient* prescription) {
    intake_feed_ = intake_feed;
    prescription_feed_ = prescription_feed;
    intake_ = intake;
    prescription_ = prescription;
  }

  // Zero once the copy holds every write the source made before `since`;
  // else how far behind it may be (the call goes on with it).
  absl::Duration AwaitIntake(const Caller& caller, absl::Time since);
  absl::Duration AwaitPrescription(const Caller& caller, absl::Time since);

  // OK when the caller's clinic has the patient: the copy knows them, or
  // intake says so (one peer call); NOT_FOUND otherwise.
  absl::Status CheckPatient(const Caller& caller,
                            const std::string& patient_id);

  // The patient's plan `plan_id` (empty: their ACTIVE plan) at its latest
  // revision, or nullopt when there is none. NOT_FOUND when the clinic has
  // no such patient (prescription's verdict).
  absl::StatusOr<std::optional<v1::Plan>> Plan(const Caller& caller,
                                               const std::string& patient_id,
                                               const std::string& plan_id);
  // The plan as prescription has it now (one peer call): when the copy is
  // behind and its revision refuses what the caller sent.
  absl::StatusOr<std::optional<v1::Plan>> PlanFromOwner(
      const Caller& caller, const std::string& patient_id,
      const std::string& plan_id);
  // Every revision of `plan`, oldest first.
  absl::StatusOr<std::vector<v1::PlanRevision>> PlanRevisions(
      const Caller& caller, const std::string& patient_id,
      const v1::Plan& plan);
  // The patient's assessments (only `kind`, unless KIND_UNSPECIFIED),
  // newest first, the first 100. From intake when the copy has not seen the
  // patient, or has no assessment of theirs while it is behind (`lag`).
  // NOT_FOUND when the clinic has no such patient.
  absl::StatusOr<std::vector<v1::Assessment>> Assessments(
      const Caller& caller, const std::string& patient_id,
      v1::Assessment::Kind kind, absl::Duration lag);

 private:
  absl::Duration Await(SourceFeed* feed, const Caller& caller,
                       absl::Time since);

  CopyRepository* copy_;
  const absl::Duration wait_;
  SourceFeed* intake_feed_ = nullptr;
  SourceFeed* prescription_feed_ = nullptr;
  peers::IntakeClient* intake_ = nullptr;
  peers::PrescriptionClient* prescription_ = nullptr;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_SOURCE_READS_H_
