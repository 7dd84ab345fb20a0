#include "services/progress/source_reads.h"

#include "absl/time/clock.h"
#include "services/common/resource_id.h"
#include "services/common/status_macros.h"
#include "services/progress/session_proto.h"

namespace corebalance::progress {
namespace {

// As many as IntakeClient::Assessments reads.
constexpr int kAssessmentsRead = 100;

}  // namespace

absl::Duration SourceReads::Await(SourceFeed* feed, const Caller& caller,
                                  absl::Time since) {
  if (feed == nullptr) return absl::InfiniteDuration();
  // Leave the call time to answer when the copy cannot catch up.
  const absl::Time until =
      std::min(since + wait_, caller.deadline - absl::Milliseconds(200));
  return feed->CatchUpTo(since, until, caller.request_id);
}

absl::Duration SourceReads::AwaitIntake(const Caller& caller,
                                        absl::Time since) {
  return Await(intake_feed_, caller, since);
}

absl::Duration SourceReads::AwaitPrescription(const Caller& caller,
                                              absl::Time since) {
  return Await(prescription_feed_, caller, since);
}

absl::Status SourceReads::CheckPatient(const Caller& caller,
                                       const std::string& patient_id) {
  CB_ASSIGN_OR_RETURN(
      bool known,
      copy_->HasPatient(caller.clinic_id, patient_id, caller.deadline));
  if (known) return absl::OkStatus();
  return intake_->CheckPatient(PatientName(patient_id), caller);
}

absl::StatusOr<std::optional<v1::Plan>> SourceReads::Plan(
    const Caller& caller, const std::string& patient_id,
    const std::string& plan_id) {
  CB_ASSIGN_OR_RETURN(
      std::optional<v1::Plan> copied,
      copy_->Plan(caller.clinic_id, patient_id, plan_id, caller.deadline));
  if (copied) return copied;
  // Not in the copy: prescription says (and names a missing patient).
  return PlanFromOwner(caller, patient_id, plan_id);
}

absl::StatusOr<std::optional<v1::Plan>> SourceReads::PlanFromOwner(
    const Caller& caller, const std::string& patient_id,
    const std::string& plan_id) {
  const std::string patient = PatientName(patient_id);
  if (plan_id.empty()) return prescription_->ActivePlan(patient, caller);
  absl::StatusOr<v1::Plan> found =
      prescription_->GetPlan(PlanName(patient_id, plan_id), caller);
  if (absl::IsNotFound(found.status())) return std::nullopt;
  if (!found.ok()) return found.status();
  return *std::move(found);
}

absl::StatusOr<std::vector<v1::PlanRevision>> SourceReads::PlanRevisions(
    const Caller& caller, const std::string& patient_id, const v1::Plan& plan) {
  CB_ASSIGN_OR_RETURN(
      std::vector<v1::PlanRevision> copied,
      copy_->PlanRevisions(caller.clinic_id, patient_id,
                           LastSegment(plan.name()), caller.deadline));
  // Every plan has its first revision: none means the copy lacks the plan.
  if (!copied.empty()) return copied;
  return prescription_->PlanRevisions(plan.name(), caller);
}

absl::StatusOr<std::vector<v1::Assessment>> SourceReads::Assessments(
    const Caller& caller, const std::string& patient_id,
    v1::Assessment::Kind kind, absl::Duration lag) {
  CB_ASSIGN_OR_RETURN(std::vector<v1::Assessment> copied,
                      copy_->Assessments(caller.clinic_id, patient_id, kind,
                                         kAssessmentsRead, caller.deadline));
  if (!copied.empty()) return copied;
  CB_ASSIGN_OR_RETURN(
      bool known,
      copy_->HasPatient(caller.clinic_id, patient_id, caller.deadline));
  if (known && lag == absl::ZeroDuration()) return copied;
  return intake_->Assessments(PatientName(patient_id), caller, kind);
}

}  // namespace corebalance::progress
