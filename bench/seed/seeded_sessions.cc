#include "bench/seed/seeded_sessions.h"

#include <algorithm>

#include "bench/common/session_maker.h"
#include "bench/stored/as_logged.h"
#include "services/common/sql_time.h"

namespace corebalance::bench {
namespace {

constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";

// `value` in base 36, `width` digits, most significant first.
std::string Base36(uint64_t value, int width) {
  std::string out(width, '0');
  for (int i = width - 1; i >= 0; --i) {
    out[i] = kAlphabet[value % 36];
    value /= 36;
  }
  return out;
}

}  // namespace

std::string SortableIds::Next(Rng& rng) {
  // 1 stream digit + 9 counter digits (36^9 ids) + 6 random ones.
  return Base36(stream_ % 36, 1) + Base36(counter_++, 9) + RandomAlnum(rng, 6);
}

absl::StatusOr<std::vector<progress::StoredSession>> SeededSessions(
    const SeedPatient& patient, int64_t clinic_id, absl::Time now,
    SortableIds& ids, Rng& rng) {
  std::vector<progress::StoredSession> out;
  if (patient.sessions <= 0 || patient.days <= 0) return out;
  out.reserve(patient.sessions);
  const absl::Time first = now - absl::Hours(24) * patient.days;
  const absl::Duration step = absl::Hours(24) * patient.days / patient.sessions;
  for (int k = 0; k < patient.sessions; ++k) {
    // Somewhere in the middle of its slot; never in the future.
    const double at = 0.15 + 0.7 * (rng() % 1000) / 1000.0;
    const absl::Time performed = std::min(
        absl::FromUnixMicros(absl::ToUnixMicros(first + step * (k + at))),
        now - absl::Minutes(1));
    const v1::Session session = MakeSession(
        patient, performed, static_cast<double>(k) / patient.sessions, rng);
    const absl::Time logged =
        std::min(performed + absl::Minutes(UniformInt(rng, 1, 120)), now);
    auto stored = AsLogged(session, patient, clinic_id, ids.Next(rng), logged);
    if (!stored.ok()) return stored.status();
    if (stored->pain_after_24h) {
      // Logged without it, then updated the next day.
      stored->revision = 2;
      stored->update_time =
          std::min(performed + absl::Hours(UniformInt(rng, 20, 30)), now);
    }
    out.push_back(*std::move(stored));
  }
  return out;
}

}  // namespace corebalance::bench
