#include "services/intake/use_cases/submit_assessment.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/intake/dates.h"
#include "services/intake/names.h"
#include "services/intake/rules/score_assessment.h"

namespace corebalance::intake {
namespace {

// The resource as stored and returned: the client's inputs with the
// defaults applied, and everything output-only set by the server.
v1::Assessment BodyOf(const v1::Assessment& in, const AssessmentRecord& record,
                      const AssessmentScores& scores) {
  v1::Assessment body = in;
  body.set_name(AssessmentName(record.patient_id, record.id));
  *body.mutable_assessment_date() = DateToProto(record.assessment_date);
  if (body.odi_version().empty())
    body.set_odi_version(std::string(kOdiVersion));
  *body.mutable_result() = ResultToProto(scores);
  body.set_submitted_by(record.submitted_by);
  *body.mutable_create_time() = ToProtoTime(record.create_time);
  return body;
}

}  // namespace

absl::StatusOr<AssessmentRecord> SubmitAssessment::Run(
    const Caller& caller, const SubmitAssessmentInput& input,
    outbox::ChangeEvents& events) {
  const AssessmentInput& scored = input.submitted.input;
  CB_ASSIGN_OR_RETURN(const AssessmentScores scores,
                      ScoreAssessment(scored, policy_));
  AssessmentRecord record;
  record.id = NewResourceId();
  record.clinic_id = caller.clinic_id;
  record.patient_id = input.patient_id;
  record.kind = input.assessment.kind();
  record.assessment_date = scored.assessed_on;
  record.supersedes_id = input.submitted.supersedes_id;
  record.nprs_now = scored.nprs_now;
  record.odi_percent = scores.odi.percent;
  record.submitted_by = caller.actor;
  record.create_time = NowMicros();
  record.body = BodyOf(input.assessment, record, scores);
  record.disposition = record.body.result().disposition();
  const std::string patient = PatientName(record.patient_id);
  events.audit.set_resource(AssessmentName(record.patient_id, record.id));

  return tx_->CreateOnce<AssessmentRecord>(
      caller.deadline, events, assessments_->request_ids(), input.request_key,
      [&](store::Connection& c) -> absl::StatusOr<AssessmentRecord> {
        CB_ASSIGN_OR_RETURN(
            const PatientRecord locked,
            patients_->Lock(c, record.clinic_id, record.patient_id));
        if (locked.state != v1::Patient::STATE_ACTIVE) {
          return FailedPreconditionError(
              "PATIENT_ARCHIVED", "PATIENT", patient,
              "the patient is archived: restore them before recording "
              "assessments");
        }
        CB_RETURN_IF_ERROR(CheckSupersedes(c, record));
        AssessmentRecord done = record;
        if (record.kind == v1::Assessment::KIND_FOLLOW_UP) {
          const std::optional<Baseline> baseline = assessments_->FindBaseline(
              c, record.clinic_id, record.patient_id, record.assessment_date);
          if (!baseline) {
            return FailedPreconditionError(
                "NO_INITIAL_ASSESSMENT", "ASSESSMENT", patient,
                absl::StrCat("a FOLLOW_UP needs an INITIAL assessment of the "
                             "patient dated on or before ",
                             absl::FormatCivilTime(record.assessment_date),
                             ": submit the INITIAL one first"));
          }
          const OutcomeChange change =
              ComputeOutcomeChange({baseline->nprs_now, baseline->odi_percent},
                                   scores.measures, policy_);
          *done.body.mutable_result()->mutable_change_from_initial() =
              ChangeToProto(change, AssessmentName(record.patient_id,
                                                   baseline->assessment_id));
        }
        CB_RETURN_IF_ERROR(assessments_->Insert(c, done));
        events.Add("assessment.submitted",
                   AssessmentName(done.patient_id, done.id), patient, 1,
                   done.body);
        return done;
      },
      [](const AssessmentRecord& a) {
        return AssessmentName(a.patient_id, a.id);
      },
      [&](store::Connection& c, const std::string& earlier) {
        return assessments_->Load(c, record.clinic_id, earlier);
      });
}

absl::Status SubmitAssessment::CheckSupersedes(
    store::Connection& c, const AssessmentRecord& record) const {
  if (record.supersedes_id.empty()) return absl::OkStatus();
  const std::string name =
      AssessmentName(record.patient_id, record.supersedes_id);
  const std::optional<v1::Assessment::Kind> kind = assessments_->KindOf(
      c, record.clinic_id, record.patient_id, record.supersedes_id);
  if (!kind) {
    return InvalidArgumentError(
        "assessment.supersedes",
        absl::StrCat("the patient has no assessment ", name));
  }
  if (*kind != record.kind) {
    return InvalidArgumentError(
        "assessment.supersedes",
        absl::StrCat("a correction must be of the same kind as ", name, " (",
                     v1::Assessment::Kind_Name(*kind), ")"));
  }
  if (auto by = assessments_->CorrectedBy(c, record.supersedes_id)) {
    return FailedPreconditionError(
        "ALREADY_SUPERSEDED", "ASSESSMENT", name,
        absl::StrCat(name, " was already corrected by ",
                     AssessmentName(record.patient_id, *by),
                     ": correct that one instead"));
  }
  return absl::OkStatus();
}

}  // namespace corebalance::intake
