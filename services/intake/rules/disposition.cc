#include "services/intake/rules/disposition.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"

namespace corebalance::intake {

std::string_view DispositionName(Disposition disposition) {
  return disposition == Disposition::kRefer ? "REFER" : "PROCEED";
}

DispositionResult DecideDisposition(
    std::span<const RedFlag> red_flags,
    const std::optional<StartBackScore>& start_back) {
  DispositionResult result;
  result.red_flags.assign(red_flags.begin(), red_flags.end());
  std::sort(result.red_flags.begin(), result.red_flags.end());
  result.red_flags.erase(
      std::unique(result.red_flags.begin(), result.red_flags.end()),
      result.red_flags.end());

  if (result.red_flags.empty()) {
    result.disposition = Disposition::kProceed;
    result.reasons.push_back("no red flags reported");
  } else {
    result.disposition = Disposition::kRefer;
    for (RedFlag flag : result.red_flags) {
      const RedFlagInfo& info = InfoFor(flag);
      // std::string(): this Abseil's string_view is not std::string_view.
      result.reasons.push_back(
          absl::StrCat("red flag: ", std::string(info.description), " (",
                       std::string(GroupPhrase(info.group)),
                       "): refer before starting a program"));
    }
  }

  if (start_back.has_value() && start_back->risk == StartBackRisk::kHigh) {
    result.advice.push_back(absl::StrCat(
        "yellow flags: STarT Back high risk (psychosocial subscore ",
        start_back->psychosocial,
        " of 5): flag for closer follow-up and address fear of movement, "
        "worry and low mood"));
  }
  return result;
}

}  // namespace corebalance::intake
