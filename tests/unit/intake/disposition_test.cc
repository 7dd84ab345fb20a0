#include "services/intake/rules/disposition.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corebalance::intake {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr StartBackScore kLowRisk{1, 0, StartBackRisk::kLow};
constexpr StartBackScore kMediumRisk{5, 3, StartBackRisk::kMedium};
constexpr StartBackScore kHighRisk{6, 4, StartBackRisk::kHigh};

TEST(Disposition, NoRedFlagsProceeds) {
  const DispositionResult result = DecideDisposition({}, kLowRisk);
  EXPECT_EQ(result.disposition, Disposition::kProceed);
  EXPECT_THAT(result.red_flags, IsEmpty());
  EXPECT_THAT(result.reasons, ElementsAre("no red flags reported"));
  EXPECT_THAT(result.advice, IsEmpty());
}

TEST(Disposition, EachRedFlagAloneRefersWithOneReason) {
  for (const RedFlagInfo& info : AllRedFlags()) {
    SCOPED_TRACE(info.snake_name);
    const RedFlag flags[] = {info.flag};
    const DispositionResult result = DecideDisposition(flags, kLowRisk);
    EXPECT_EQ(result.disposition, Disposition::kRefer);
    EXPECT_THAT(result.red_flags, ElementsAre(info.flag));
    EXPECT_THAT(result.reasons,
                ElementsAre("red flag: " + std::string(info.description) +
                            " (" + std::string(GroupPhrase(info.group)) +
                            "): refer before starting a program"));
  }
}

TEST(Disposition, ReasonReadsAsTheClinicianExpects) {
  const RedFlag flags[] = {RedFlag::kSaddleAnaesthesia};
  EXPECT_THAT(DecideDisposition(flags, std::nullopt).reasons,
              ElementsAre("red flag: saddle anaesthesia (possible cauda "
                          "equina): refer before starting a program"));
}

TEST(Disposition, SeveralFlagsGiveOneReasonEachOnceInEnumOrder) {
  const RedFlag flags[] = {RedFlag::kNightPain, RedFlag::kMajorTrauma,
                           RedFlag::kNightPain};
  const DispositionResult result = DecideDisposition(flags, std::nullopt);
  EXPECT_EQ(result.disposition, Disposition::kRefer);
  EXPECT_THAT(result.red_flags,
              ElementsAre(RedFlag::kMajorTrauma, RedFlag::kNightPain));
  ASSERT_THAT(result.reasons, SizeIs(2));
  EXPECT_THAT(result.reasons[0], HasSubstr("major trauma (possible fracture)"));
  EXPECT_THAT(result.reasons[1],
              HasSubstr("severe at night (possible tumour or infection)"));
}

TEST(Disposition, HighStartBackAddsYellowFlagAdviceWithoutBlocking) {
  const DispositionResult result = DecideDisposition({}, kHighRisk);
  EXPECT_EQ(result.disposition, Disposition::kProceed);
  ASSERT_THAT(result.advice, SizeIs(1));
  EXPECT_THAT(result.advice[0], HasSubstr("yellow flags"));
  EXPECT_THAT(result.advice[0], HasSubstr("subscore 4 of 5"));
  EXPECT_THAT(result.advice[0], HasSubstr("closer follow-up"));
}

TEST(Disposition, HighStartBackAdviceAlsoWhenReferring) {
  const RedFlag flags[] = {RedFlag::kFeverOrChills};
  const DispositionResult result = DecideDisposition(flags, kHighRisk);
  EXPECT_EQ(result.disposition, Disposition::kRefer);
  EXPECT_THAT(result.advice, SizeIs(1));
}

TEST(Disposition, NoAdviceBelowHighOrWithoutStartBack) {
  EXPECT_THAT(DecideDisposition({}, kMediumRisk).advice, IsEmpty());
  EXPECT_THAT(DecideDisposition({}, std::nullopt).advice, IsEmpty());
}

TEST(Disposition, Names) {
  EXPECT_EQ(DispositionName(Disposition::kProceed), "PROCEED");
  EXPECT_EQ(DispositionName(Disposition::kRefer), "REFER");
}

}  // namespace
}  // namespace corebalance::intake
