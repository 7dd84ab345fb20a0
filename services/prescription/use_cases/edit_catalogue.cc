#include "services/prescription/use_cases/edit_catalogue.h"

#include "services/common/errors.h"
#include "services/common/resource_id.h"
#include "services/common/sql_time.h"
#include "services/common/status_macros.h"
#include "services/prescription/convert.h"
#include "services/prescription/names.h"

namespace corebalance::prescription {

absl::StatusOr<ExerciseRecord> EditCatalogue::CreateExercise(
    const Caller& caller, ExerciseRecord exercise, const store::RequestKey& key,
    outbox::ChangeEvents& events) {
  exercise.clinic_id = caller.clinic_id;
  exercise.revision = 1;
  exercise.create_time = exercise.update_time = NowMicros();
  return tx_->CreateOnce<ExerciseRecord>(
      caller.deadline, events, catalogue_->request_ids(), key,
      [&](store::Connection& c) -> absl::StatusOr<ExerciseRecord> {
        CB_RETURN_IF_ERROR(catalogue_->InsertExercise(c, exercise));
        events.Add("exercise.created", ExerciseName(exercise.slug), "", 1,
                   ToProto(exercise));
        return exercise;
      },
      [](const ExerciseRecord& x) { return ExerciseName(x.slug); },
      [&](store::Connection& c,
          const std::string& name) -> absl::StatusOr<ExerciseRecord> {
        auto found =
            catalogue_->FindExercise(c, caller.clinic_id, LastSegment(name));
        if (!found) return NotFoundError(name);
        return *found;
      });
}

absl::StatusOr<TemplateRecord> EditCatalogue::CreateTemplate(
    const Caller& caller, TemplateRecord plan_template,
    const store::RequestKey& key, outbox::ChangeEvents& events) {
  plan_template.clinic_id = caller.clinic_id;
  plan_template.revision = 1;
  plan_template.create_time = plan_template.update_time = NowMicros();
  return tx_->CreateOnce<TemplateRecord>(
      caller.deadline, events, catalogue_->request_ids(), key,
      [&](store::Connection& c) -> absl::StatusOr<TemplateRecord> {
        CB_RETURN_IF_ERROR(catalogue_->InsertTemplate(c, plan_template));
        events.Add("plan_template.created", TemplateName(plan_template.slug),
                   "", 1, ToProto(plan_template));
        return plan_template;
      },
      [](const TemplateRecord& x) { return TemplateName(x.slug); },
      [&](store::Connection& c,
          const std::string& name) -> absl::StatusOr<TemplateRecord> {
        auto found =
            catalogue_->FindTemplate(c, caller.clinic_id, LastSegment(name));
        if (!found) return NotFoundError(name);
        return *found;
      });
}

absl::StatusOr<ExerciseRecord> EditCatalogue::UpdateExercise(
    const Caller& caller, const ExerciseRecord& exercise, int expected_revision,
    outbox::ChangeEvents& events) {
  ExerciseRecord changed = exercise;
  changed.clinic_id = caller.clinic_id;
  changed.update_time = NowMicros();
  return tx_->Commit(
      caller.deadline, events,
      [&](store::Connection& c) -> absl::StatusOr<ExerciseRecord> {
        CB_ASSIGN_OR_RETURN(
            ExerciseRecord saved,
            catalogue_->UpdateExercise(c, changed, expected_revision));
        events.Add("exercise.updated", ExerciseName(saved.slug), "",
                   saved.revision, ToProto(saved));
        return saved;
      });
}

absl::StatusOr<TemplateRecord> EditCatalogue::UpdateTemplate(
    const Caller& caller, const TemplateRecord& plan_template,
    int expected_revision, outbox::ChangeEvents& events) {
  TemplateRecord changed = plan_template;
  changed.clinic_id = caller.clinic_id;
  changed.update_time = NowMicros();
  return tx_->Commit(
      caller.deadline, events,
      [&](store::Connection& c) -> absl::StatusOr<TemplateRecord> {
        CB_ASSIGN_OR_RETURN(
            TemplateRecord saved,
            catalogue_->UpdateTemplate(c, changed, expected_revision));
        events.Add("plan_template.updated", TemplateName(saved.slug), "",
                   saved.revision, ToProto(saved));
        return saved;
      });
}

}  // namespace corebalance::prescription
