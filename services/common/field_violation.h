#ifndef COREBALANCE_SERVICES_COMMON_FIELD_VIOLATION_H_
#define COREBALANCE_SERVICES_COMMON_FIELD_VIOLATION_H_

#include <string>
#include <vector>

namespace corebalance {

// One invalid field of a request, named by its proto path
// (e.g. "patient.family_name", "assessment.odi_sections[3]").
struct FieldViolation {
  std::string field;
  std::string description;
};

using FieldViolations = std::vector<FieldViolation>;

}  // namespace corebalance

#endif  // COREBALANCE_SERVICES_COMMON_FIELD_VIOLATION_H_
