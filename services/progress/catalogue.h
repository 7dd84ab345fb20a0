#ifndef COREBALANCE_SERVICES_PROGRESS_CATALOGUE_H_
#define COREBALANCE_SERVICES_PROGRESS_CATALOGUE_H_

#include <vector>

#include "corebalance/v1/prescription.pb.h"

namespace corebalance::progress {

// The exercises and plan templates a clinic sees (PrescriptionService's).
struct Catalogue {
  std::vector<v1::Exercise> exercises;
  std::vector<v1::PlanTemplate> templates;
};

}  // namespace corebalance::progress

#endif  // COREBALANCE_SERVICES_PROGRESS_CATALOGUE_H_
