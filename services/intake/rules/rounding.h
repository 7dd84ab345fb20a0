#ifndef COREBALANCE_SERVICES_INTAKE_RULES_ROUNDING_H_
#define COREBALANCE_SERVICES_INTAKE_RULES_ROUNDING_H_

#include <cmath>

namespace corebalance::intake {

// For display only (35.5555... -> 35.6). Scores are stored and compared
// exactly; halves round away from zero.
inline double RoundToOneDecimal(double value) {
  return std::round(value * 10.0) / 10.0;
}

}  // namespace corebalance::intake

#endif  // COREBALANCE_SERVICES_INTAKE_RULES_ROUNDING_H_
