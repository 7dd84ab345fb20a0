#include "services/progress/repositories/adherence_due_repository.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/store/bind.h"
#include "services/store/chunks.h"
#include "services/store/run.h"

namespace corebalance::progress {
namespace {

using store::Connection;
using store::GetString;
using store::Update;

// The bound times compare as DATETIME(6), not as strings.
constexpr char kTime[] = "CAST(? AS DATETIME(6))";

// `(clinic_id, patient_id, plan_id) IN ((?, ?, ?), ...)` of `padded` rows,
// bound by BindKeys from parameter `p` on with plans [first, first + count).
std::string KeysIn(size_t padded) {
  return absl::StrCat("(clinic_id, patient_id, plan_id) IN (",
                      store::RowPlaceholders(padded, "?, ?, ?"), ")");
}
int BindKeys(sql::PreparedStatement& st, int p, const std::vector<DuePlan>& all,
             size_t first, size_t count, size_t padded) {
  for (size_t i = 0; i < padded; ++i) {
    const DuePlan& plan = all[first + std::min(i, count - 1)];
    store::BindOne(st, p++, plan.clinic_id);
    store::BindOne(st, p++, plan.patient_id);
    store::BindOne(st, p++, plan.plan_id);
  }
  return p;
}

}  // namespace

void AdherenceDueRepository::FollowBy(Connection& c, const DuePlan& plan,
                                      absl::Time at) const {
  Update(c,
         absl::StrCat("INSERT INTO progress_adherence_due (clinic_id,"
                      " patient_id, plan_id, due_at) VALUES (?, ?, ?, ?)"
                      " ON DUPLICATE KEY UPDATE due_at = LEAST(due_at, ",
                      kTime, ")"),
         plan.clinic_id, plan.patient_id, plan.plan_id, at, at);
}

void AdherenceDueRepository::SoonerIfFollowed(Connection& c,
                                              const DuePlan& plan,
                                              absl::Time at) const {
  Update(c,
         absl::StrCat("UPDATE progress_adherence_due SET due_at = ", kTime,
                      " WHERE clinic_id = ? AND patient_id = ? AND plan_id = ?"
                      " AND due_at > ",
                      kTime),
         at, plan.clinic_id, plan.patient_id, plan.plan_id, at);
}

absl::StatusOr<std::vector<DuePlan>> AdherenceDueRepository::Claim(
    absl::Time now, absl::Time lease_until, int limit, absl::Time deadline) {
  return store::WithTransaction(
      *pool_, deadline,
      [&](Connection& c) -> absl::StatusOr<std::vector<DuePlan>> {
        auto rs = store::Query(
            c,
            absl::StrCat("SELECT clinic_id, patient_id, plan_id FROM"
                         " progress_adherence_due WHERE due_at <= ",
                         kTime,
                         " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED"),
            now, limit);
        std::vector<DuePlan> claimed;
        while (rs->next()) {
          claimed.push_back({rs->getInt64("clinic_id"),
                             GetString(*rs, "patient_id"),
                             GetString(*rs, "plan_id")});
        }
        store::ForEachPaddedChunk(
            claimed.size(), 32, [&](size_t first, size_t count, size_t padded) {
              sql::PreparedStatement& st = c.Prepare(absl::StrCat(
                  "UPDATE progress_adherence_due SET due_at = ", kTime,
                  " WHERE ", KeysIn(padded)));
              st.clearParameters();
              store::BindOne(st, 1, lease_until);
              BindKeys(st, 2, claimed, first, count, padded);
              st.executeUpdate();
            });
        return claimed;
      });
}

absl::Status AdherenceDueRepository::Reschedule(
    const std::vector<NextCheck>& next, absl::Time lease_until,
    absl::Time deadline) {
  if (next.empty()) return absl::OkStatus();
  return store::WithTransaction(*pool_, deadline, [&](Connection& c) {
    for (const NextCheck& check : next) {
      const DuePlan& p = check.plan;
      if (check.at.has_value()) {
        Update(c,
               absl::StrCat("UPDATE progress_adherence_due SET due_at ="
                            " IF(due_at = ",
                            kTime, ", ", kTime, ", LEAST(due_at, ", kTime,
                            ")) WHERE clinic_id = ? AND patient_id = ?"
                            " AND plan_id = ?"),
               lease_until, *check.at, *check.at, p.clinic_id, p.patient_id,
               p.plan_id);
      } else {
        // Unless the plan was made due again meanwhile (ACTIVE again).
        Update(c,
               absl::StrCat("DELETE FROM progress_adherence_due WHERE"
                            " clinic_id = ? AND patient_id = ? AND plan_id = ?"
                            " AND due_at = ",
                            kTime),
               p.clinic_id, p.patient_id, p.plan_id, lease_until);
      }
    }
    return absl::OkStatus();
  });
}

}  // namespace corebalance::progress
