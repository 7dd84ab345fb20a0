#ifndef COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_SESSION_REPOSITORY_H_
#define COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_SESSION_REPOSITORY_H_

// All SQL of the logged sessions. Every query is filtered by clinic_id.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/progress/rules/session_record.h"
#include "services/store/connection.h"
#include "services/store/pool.h"
#include "services/store/request_ids.h"

namespace corebalance::progress {

struct StoredExercise {
  std::string slug;
  bool completed = false;
  std::string skip_reason;
  int sets = 0;
  int reps = 0;
  int hold_seconds = 0;
  int duration_minutes = 0;
};

// One row of progress_sessions with its exercises.
struct StoredSession {
  std::string id;
  int64_t clinic_id = 0;
  std::string patient_id;
  std::string plan_id;
  int plan_revision = 0;
  absl::Time performed_at;
  std::vector<StoredExercise> exercises;
  int walking_minutes = 0;
  std::optional<int> pain_before;
  int worst_pain_during = 0;
  int pain_after = 0;
  std::optional<int> pain_after_24h;
  std::optional<int> rpe;
  bool leg_pain_or_neuro = false;
  std::string notes;
  std::optional<int> assessment_nprs;
  // corebalance.v1.Session.TrafficLight.
  int traffic_light = 0;
  std::string logged_by;
  int revision = 1;
  absl::Time create_time;
  absl::Time update_time;
};

// Which sessions ListSessions reads, newest performed first.
struct SessionQuery {
  int64_t clinic_id = 0;
  std::string patient_id;
  std::optional<absl::Time> start_time;  // performed_at >= start
  std::optional<absl::Time> end_time;    // performed_at < end
  std::string plan_id;                   // empty: any plan
  // Keyset: only sessions strictly after this one in the order.
  std::optional<absl::Time> after_performed_at;
  std::string after_id;
  int limit = 50;
};

// Sessions one workflow reads at most (a year of several sessions a day).
inline constexpr int kMaxSessionsRead = 5000;

class SessionRepository {
 public:
  explicit SessionRepository(store::Pool* pool) : pool_(pool) {}

  // Writes, on the caller's transaction `c`:

  // progress_request_ids (AIP-155).
  const store::RequestIds& request_ids() const;
  // The session "patients/{p}/sessions/{s}", or nullopt.
  std::optional<StoredSession> FindNamed(store::Connection& c,
                                         int64_t clinic_id,
                                         const std::string& name) const;
  // `session` with its exercises.
  void Insert(store::Connection& c, const StoredSession& session) const;
  // The later fields of `session` (24 h pain, notes, light) as revision
  // `session.revision`, over revision `session.revision - 1`; false when
  // the stored revision is another.
  bool UpdateLater(store::Connection& c, const StoredSession& session) const;

  // Reads, each on a connection of its own:

  // The session LogSession stored for this request key earlier, if any
  // (INVALID_ARGUMENT when the id was used for another request).
  absl::StatusOr<std::optional<StoredSession>> FindLogged(
      const store::RequestKey& key, absl::Time deadline);

  // NOT_FOUND (as an empty optional) when the clinic has no such session of
  // the patient.
  absl::StatusOr<std::optional<StoredSession>> Get(
      int64_t clinic_id, const std::string& patient_id, const std::string& id,
      absl::Time deadline);

  absl::StatusOr<std::vector<StoredSession>> List(const SessionQuery& query,
                                                  absl::Time deadline);

  // For the adherence scan, by patient (id and performed_at only): the
  // sessions of the clinic's `patients` performed in [start, end), and for
  // a patient with none there, their last one before `start`. A round trip
  // per 32 patients; RESOURCE_EXHAUSTED past kMaxSessionsRead per patient.
  absl::StatusOr<std::map<std::string, std::vector<SessionRecord>>>
  AdherenceSessions(int64_t clinic_id, const std::vector<std::string>& patients,
                    absl::Time start, absl::Time end, absl::Time deadline);

 private:
  store::Pool* pool_;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_REPOSITORIES_SESSION_REPOSITORY_H_
