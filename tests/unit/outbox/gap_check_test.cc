#include "services/outbox/gap_check.h"

#include <gtest/gtest.h>

#include "absl/strings/match.h"

namespace corebalance::outbox {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1800000000);

std::vector<bool> Relayed(std::initializer_list<int> seqs) {
  std::vector<bool> out;
  for (int s : seqs) {
    if (out.size() <= static_cast<size_t>(s)) out.resize(s + 1);
    out[s] = true;
  }
  return out;
}

TEST(FindGaps, EverythingRelayedIsClean) {
  auto r =
      FindGaps("intake", 3, Relayed({1, 2, 3}), {}, kNow, absl::Seconds(60));
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.lag, absl::ZeroDuration());
}

TEST(FindGaps, WaitingWithinTheGraceIsLagNotAProblem) {
  auto r = FindGaps("intake", 3, Relayed({1, 2}),
                    {{3, kNow - absl::Seconds(2), std::nullopt}}, kNow,
                    absl::Seconds(60));
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.lag, absl::Seconds(2));
}

TEST(FindGaps, NamesDeletedNeverRelayedAndSetAsideEvents) {
  auto r =
      FindGaps("progress", 5, Relayed({1, 3}),
               {{4, kNow - absl::Minutes(5), std::nullopt},
                {5, kNow - absl::Seconds(1), "the clinic has no audit log"}},
               kNow, absl::Seconds(60));
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].seq, 2);
  EXPECT_TRUE(
      absl::StrContains(r.problems[0].text, "progress event 2 is missing"));
  EXPECT_TRUE(absl::StrContains(r.problems[1].text,
                                "progress event 4 was never relayed"));
  EXPECT_TRUE(absl::StrContains(r.problems[2].text,
                                "set aside by the relay: the clinic has no"));
}

TEST(FindGaps, ManyGapsNameTheFirstAndCountTheRest) {
  auto r = FindGaps("intake", 100, {}, {}, kNow, absl::Seconds(60));
  ASSERT_EQ(r.problems.size(), static_cast<size_t>(kMaxNamed) + 1);
  EXPECT_TRUE(absl::StrContains(r.problems.back().text, "and 80 more"));
}

}  // namespace
}  // namespace corebalance::outbox
