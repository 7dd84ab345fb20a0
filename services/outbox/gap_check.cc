#include "services/outbox/gap_check.h"

#include <map>

#include "absl/strings/str_cat.h"

namespace corebalance::outbox {

GapReport FindGaps(const std::string& service, int64_t last_seq,
                   const std::vector<bool>& relayed,
                   const std::vector<UnrelayedAudit>& unrelayed, absl::Time now,
                   absl::Duration grace) {
  GapReport report;
  std::map<int64_t, const UnrelayedAudit*> waiting;
  for (const UnrelayedAudit& u : unrelayed) waiting[u.seq] = &u;
  int64_t more = 0;
  auto problem = [&](int64_t seq, std::string text) {
    if (static_cast<int>(report.problems.size()) < kMaxNamed) {
      report.problems.push_back({seq, std::move(text)});
    } else {
      ++more;
    }
  };
  for (int64_t seq = 1; seq <= last_seq; ++seq) {
    const bool in_chain =
        seq < static_cast<int64_t>(relayed.size()) && relayed[seq];
    if (in_chain) continue;
    auto it = waiting.find(seq);
    const std::string name = absl::StrCat(service, " event ", seq);
    if (it == waiting.end()) {
      problem(seq, absl::StrCat(name,
                                " is missing: deleted from the outbox before "
                                "it reached the log"));
      continue;
    }
    const UnrelayedAudit& u = *it->second;
    const absl::Duration age = now - u.create_time;
    report.lag = std::max(report.lag, age);
    if (u.set_aside_reason) {
      problem(seq, absl::StrCat(name, " was set aside by the relay: ",
                                *u.set_aside_reason));
    } else if (age > grace) {
      problem(seq, absl::StrCat(
                       name, " was never relayed (waiting for ",
                       absl::FormatDuration(absl::Trunc(age, absl::Seconds(1))),
                       ")"));
    }
  }
  if (more > 0) {
    report.problems.push_back(
        {0, absl::StrCat("... and ", more, " more ", service, " events")});
  }
  return report;
}

}  // namespace corebalance::outbox
