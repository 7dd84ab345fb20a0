#ifndef COREBALANCE_CLIENTS_CLI_INTAKE_PROMPTS_H_
#define COREBALANCE_CLIENTS_CLI_INTAKE_PROMPTS_H_

// The interactive intake: walks through pain duration, NPRS, the 10 ODI
// sections, the 9 STarT Back items and the red-flag checklist. Wording is a
// short paraphrase of ODI v2.1a and the Keele STarT Back tool, not the
// copyrighted forms.

#include <iosfwd>

#include "corebalance/v1/intake.pb.h"

namespace corebalance::cli {

// Fills `assessment` (its kind already set) from answers read line by line.
// Invalid answers are asked again; end of input throws CliError(kExitUsage).
void PromptAssessment(std::istream& in, std::ostream& out,
                      v1::Assessment& assessment);

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_INTAKE_PROMPTS_H_
