#ifndef COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_EDIT_CATALOGUE_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_EDIT_CATALOGUE_H_

// A clinic's own exercises and plan templates: creating them (AIP-155
// idempotent) and changing them over the revision the caller read
// (AIP-154). The seeded catalogue is read-only; handlers refuse that.

#include "absl/status/statusor.h"
#include "services/common/caller.h"
#include "services/outbox/outbox_event.h"
#include "services/outbox/transactions.h"
#include "services/prescription/records.h"
#include "services/prescription/repositories/catalogue_repository.h"
#include "services/store/request_ids.h"

namespace corebalance::prescription {

class EditCatalogue {
 public:
  EditCatalogue(outbox::Transactions* tx, CatalogueRepository* catalogue)
      : tx_(tx), catalogue_(catalogue) {}

  // ALREADY_EXISTS when the clinic already sees one with the slug; a retry
  // with the same request id gets the first call's record.
  absl::StatusOr<ExerciseRecord> CreateExercise(const Caller& caller,
                                                ExerciseRecord exercise,
                                                const store::RequestKey& key,
                                                outbox::ChangeEvents& events);
  absl::StatusOr<TemplateRecord> CreateTemplate(const Caller& caller,
                                                TemplateRecord plan_template,
                                                const store::RequestKey& key,
                                                outbox::ChangeEvents& events);
  // ABORTED when the stored revision is no longer `expected_revision`.
  absl::StatusOr<ExerciseRecord> UpdateExercise(const Caller& caller,
                                                const ExerciseRecord& exercise,
                                                int expected_revision,
                                                outbox::ChangeEvents& events);
  absl::StatusOr<TemplateRecord> UpdateTemplate(
      const Caller& caller, const TemplateRecord& plan_template,
      int expected_revision, outbox::ChangeEvents& events);

 private:
  outbox::Transactions* tx_;
  CatalogueRepository* catalogue_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_USE_CASES_EDIT_CATALOGUE_H_
