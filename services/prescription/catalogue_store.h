#ifndef COREBALANCE_SERVICES_PRESCRIPTION_CATALOGUE_STORE_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_CATALOGUE_STORE_H_

// SQL for exercises and plan templates. A clinic sees the global rows
// (clinic_id 0, the seed) and its own; it writes only its own.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/common/page_token.h"
#include "services/outbox/outbox.h"
#include "services/outbox/outbox_event.h"
#include "services/prescription/records.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"

namespace corebalance::prescription {

struct ExerciseFilter {
  // LEVEL_UNSPECIFIED: any; otherwise this level or LEVEL_ALL.
  v1::Exercise::Level level = v1::Exercise::LEVEL_UNSPECIFIED;
  // Case-insensitive substring of body_region; empty: any.
  std::string body_region;
  // One equipment item; empty: any.
  std::string equipment;
};

class CatalogueStore {
 public:
  CatalogueStore(store::Pool* pool, outbox::Outbox* outbox)
      : pool_(pool), outbox_(outbox) {}

  // NOT_FOUND ("exercises/{slug}") when the clinic cannot see it.
  absl::StatusOr<ExerciseRecord> GetExercise(int64_t clinic_id,
                                             const std::string& slug,
                                             absl::Time deadline);
  // Up to `limit` visible exercises after `cursor` (last_id = slug,
  // last_key = clinic_id), ordered by slug.
  absl::StatusOr<std::vector<ExerciseRecord>> ListExercises(
      int64_t clinic_id, const ExerciseFilter& filter,
      const std::optional<PageCursor>& cursor, int limit, absl::Time deadline);
  // Every exercise the clinic sees: slug -> default dose.
  absl::StatusOr<std::map<std::string, Dose>> DefaultDoses(int64_t clinic_id,
                                                           absl::Time deadline);
  // Inserts the clinic's exercise. ALREADY_EXISTS when the clinic already
  // sees an exercise with its slug. With a request id, a retry returns the
  // first record. Changes commit with `events` ("exercise.created", ...).
  absl::StatusOr<ExerciseRecord> CreateExercise(const ExerciseRecord& exercise,
                                                const store::RequestKey& key,
                                                outbox::ChangeEvents& events,
                                                absl::Time deadline);
  // Stores the editable fields of the clinic's `exercise` if its stored
  // revision is still `expected_revision` (ABORTED otherwise), bumping it.
  absl::StatusOr<ExerciseRecord> UpdateExercise(const ExerciseRecord& exercise,
                                                int expected_revision,
                                                outbox::ChangeEvents& events,
                                                absl::Time deadline);

  // NOT_FOUND ("planTemplates/{slug}") when the clinic cannot see it.
  absl::StatusOr<TemplateRecord> GetTemplate(int64_t clinic_id,
                                             const std::string& slug,
                                             absl::Time deadline);
  // Up to `limit` visible templates after `cursor` (last_key = phase,
  // last_id = slug), ordered by phase then slug.
  absl::StatusOr<std::vector<TemplateRecord>> ListTemplates(
      int64_t clinic_id, const std::optional<PageCursor>& cursor, int limit,
      absl::Time deadline);
  // As CreateExercise, for templates.
  absl::StatusOr<TemplateRecord> CreateTemplate(
      const TemplateRecord& plan_template, const store::RequestKey& key,
      outbox::ChangeEvents& events, absl::Time deadline);
  // As UpdateExercise; the exercises are replaced as a whole.
  absl::StatusOr<TemplateRecord> UpdateTemplate(
      const TemplateRecord& plan_template, int expected_revision,
      outbox::ChangeEvents& events, absl::Time deadline);

 private:
  store::Pool* pool_;
  outbox::Outbox* outbox_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_CATALOGUE_STORE_H_
