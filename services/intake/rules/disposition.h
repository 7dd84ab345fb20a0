#ifndef COREBALANCE_SERVICES_INTAKE_RULES_DISPOSITION_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_DISPOSITION_H_

// Whether the clinic may start a program (PROCEED) or must refer out first
// (REFER), and the yellow-flag advice that does not block.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "services/intake/rules/red_flags.h"
#include "services/intake/rules/start_back.h"

namespace corebalance::intake {

enum class Disposition { kProceed, kRefer };

// "PROCEED", "REFER".
std::string_view DispositionName(Disposition disposition);

struct DispositionResult {
  Disposition disposition = Disposition::kProceed;
  // The red flags present, once each, in enum order.
  std::vector<RedFlag> red_flags;
  // REFER: one line per red flag, e.g. "red flag: saddle anaesthesia
  // (possible cauda equina): refer before starting a program".
  // PROCEED: a single "no red flags reported".
  std::vector<std::string> reasons;
  // Non-blocking advice: the yellow-flag note when STarT Back is HIGH.
  std::vector<std::string> advice;
};

// `red_flags` may repeat a flag; every value must be a known RedFlag.
// `start_back` is nullopt when the tool was not administered.
DispositionResult DecideDisposition(
    std::span<const RedFlag> red_flags,
    const std::optional<StartBackScore>& start_back);

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_DISPOSITION_H_
