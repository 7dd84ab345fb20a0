#ifndef COREBALANCE_CLIENTS_CLI_DOSE_TEXT_H_
#define COREBALANCE_CLIENTS_CLI_DOSE_TEXT_H_

#include <string>

#include "corebalance/v1/prescription.pb.h"

namespace corebalance::cli {

// "2 x 8 reps per side, 5 s hold, 5x/week" / "20 min".
std::string DoseText(const v1::Dose& dose);

}  // namespace corebalance::cli

#endif  // COREBALANCE_CLIENTS_CLI_DOSE_TEXT_H_
