#ifndef COREBALANCE_SERVICES_PRESCRIPTION_REPOSITORIES_CATALOGUE_REPOSITORY_H_
#define COREBALANCE_SERVICES_PRESCRIPTION_REPOSITORIES_CATALOGUE_REPOSITORY_H_

// SQL for exercises and plan templates. A clinic sees the global rows
// (clinic_id 0, the seed) and its own; it writes only its own.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/common/page_token.h"
#include "services/prescription/records.h"
#include "services/store/connection.h"
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

class CatalogueRepository {
 public:
  explicit CatalogueRepository(store::Pool* pool) : pool_(pool) {}

  // Writes, on the caller's transaction `c`:

  // prescription_request_ids (AIP-155).
  const store::RequestIds& request_ids() const;
  // The exercise or template `slug` the clinic sees, or nullopt.
  std::optional<ExerciseRecord> FindExercise(store::Connection& c,
                                             int64_t clinic_id,
                                             const std::string& slug) const;
  std::optional<TemplateRecord> FindTemplate(store::Connection& c,
                                             int64_t clinic_id,
                                             const std::string& slug) const;
  // Inserts the clinic's exercise as it is (revision included).
  // ALREADY_EXISTS when the clinic already sees an exercise with its slug.
  absl::Status InsertExercise(store::Connection& c,
                              const ExerciseRecord& exercise) const;
  // Stores the editable fields of the clinic's `exercise` if its stored
  // revision is still `expected_revision` (ABORTED otherwise), bumping it;
  // returns the row as stored.
  absl::StatusOr<ExerciseRecord> UpdateExercise(store::Connection& c,
                                                const ExerciseRecord& exercise,
                                                int expected_revision) const;
  // As InsertExercise and UpdateExercise, for templates; an update replaces
  // the exercises as a whole.
  absl::Status InsertTemplate(store::Connection& c,
                              const TemplateRecord& plan_template) const;
  absl::StatusOr<TemplateRecord> UpdateTemplate(
      store::Connection& c, const TemplateRecord& plan_template,
      int expected_revision) const;

  // Reads, each on a connection of its own:

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

  // NOT_FOUND ("planTemplates/{slug}") when the clinic cannot see it.
  absl::StatusOr<TemplateRecord> GetTemplate(int64_t clinic_id,
                                             const std::string& slug,
                                             absl::Time deadline);
  // Up to `limit` visible templates after `cursor` (last_key = phase,
  // last_id = slug), ordered by phase then slug.
  absl::StatusOr<std::vector<TemplateRecord>> ListTemplates(
      int64_t clinic_id, const std::optional<PageCursor>& cursor, int limit,
      absl::Time deadline);

 private:
  store::Pool* pool_;
};

}  // namespace corebalance::prescription

#endif  // COREBALANCE_SERVICES_PRESCRIPTION_REPOSITORIES_CATALOGUE_REPOSITORY_H_
